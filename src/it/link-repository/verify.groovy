import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertStored(registry, 'acme', 'app', '1.0', new File(basedir, 'target/app-1.0.jar'))
    assert registry.linkedRepository('acme', 'app').get() == 'app-source'
    assert registry.requests().find { it.method == 'POST' }.rawTarget == '/api/v1/packages/acme/generic/app/-/link/app-source'
    assertLogContains(basedir, 'Linked package acme/app to repository acme/app-source.')
}
