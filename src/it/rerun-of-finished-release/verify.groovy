import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertStored(registry, 'acme', 'app', '1.0', new File(basedir, 'target/app-1.0.jar'))
    assertStored(registry, 'acme', 'app', '1.0', new File(basedir, 'target/app-1.0-sources.jar'))
    def puts = puts(registry)
    assert puts.size() == 2 : "only the first run uploads: ${puts*.rawTarget}"
    def gets = registry.requests().findAll { it.method == 'GET' }
    assert gets.size() == 3 : 'first run: listing + verification; second run: one listing'
    assertLogContains(basedir,
        'Already published, identical: app-1.0.jar at ' + registry.baseUrl() + '/api/packages/acme/generic/app/1.0/app-1.0.jar',
        'Published acme/app/1.0 on ' + registry.baseUrl() + ': 2 identical, nothing sent.')
}
