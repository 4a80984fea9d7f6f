import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertStored(registry, 'acme', 'app', '2.0-SNAPSHOT', new File(basedir, 'target/app-2.0-SNAPSHOT.jar'))
    assert registry.requests()*.method == ['GET', 'DELETE', 'PUT', 'GET']
    assertLogContains(basedir, ': 1 replaced (')
}
