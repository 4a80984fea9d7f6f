import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertStored(registry, 'acme', 'app', '1.0', new File(basedir, 'target/app-1.0.jar'))
    assert puts(registry)*.status == [503, 201]
    assertLogContains(basedir, '[WARNING] PUT ' + registry.baseUrl() + '/api/packages/acme/generic/app/1.0/app-1.0.jar failed (HTTP 503 Service Unavailable); retry 1 of 3 in 1 s.')
}
