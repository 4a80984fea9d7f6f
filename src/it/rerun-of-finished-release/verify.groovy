import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('app'), path = owner + '/' + app
    assertStored(registry, owner, app, '1.0', new File(basedir, 'target/app-1.0.jar'))
    assertStored(registry, owner, app, '1.0', new File(basedir, 'target/app-1.0-sources.jar'))
    assertFileCount(registry, owner, app, '1.0', 2)
    It.emulatorOnly(context, 'that only the first run sent PUTs, and the GETs of both runs') { emulator ->
        def puts = puts(emulator)
        assert puts.size() == 2 : "only the first run uploads: ${puts*.rawTarget}"
        def gets = emulator.requests().findAll { it.method == 'GET' }
        assert gets.size() == 3 : 'first run: listing + verification; second run: one listing'
    }
    assertLogContains(basedir,
        'Already published, identical: app-1.0.jar at ' + registry.baseUrl() + '/api/packages/' + owner + '/generic/' + app + '/1.0/app-1.0.jar',
        'Published ' + path + '/1.0 on ' + registry.baseUrl() + ': 2 identical, nothing sent.')
}
