import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertStored(registry, 'acme', 'app', '1.0', new File(basedir, 'target/app-1.0.jar'))
    assert !registry.linkedRepository('acme', 'app').isPresent()
    assertLogContains(basedir, '[WARNING] Did not link package acme/app to repository acme/app-source: Gitea 1.23.4 has no API for it')
}
