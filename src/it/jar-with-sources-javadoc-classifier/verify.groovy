import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('app'), path = owner + '/' + app
    def target = new File(basedir, 'target')
    ['app-1.0.0.jar', 'app-1.0.0-sources.jar', 'app-1.0.0-javadoc.jar', 'app-1.0.0-linux-x64.zip'].each {
        assertStored(registry, owner, app, '1.0.0', new File(target, it))
    }
    assertFileCount(registry, owner, app, '1.0.0', 4)
    It.emulatorOnly(context, 'the PUTs the client sent and their headers') { emulator ->
        def puts = puts(emulator)
        assert puts.size() == 4 : "one PUT per file, got ${puts*.rawTarget}"
        assert puts[0].rawTarget == '/api/packages/acme/generic/app/1.0.0/app-1.0.0.jar'
        puts.each { r ->
            assert r.status == 201
            assert r.header('Authorization').startsWith('Basic ')
            assert r.header('Content-Type') == 'application/octet-stream'
            assert r.header('Expect').equalsIgnoreCase('100-continue')
            assert r.header('User-Agent') == 'forge-maven-plugin/' + pluginVersion
        }
    }
    assertLogContains(basedir,
        'Uploaded app-1.0.0.jar (',
        ') to ' + registry.baseUrl() + '/api/packages/' + owner + '/generic/' + app + '/1.0.0/app-1.0.0-linux-x64.zip',
        'Published ' + path + '/1.0.0 on ' + registry.baseUrl() + ': 4 uploaded (',
        ' sent).',
        'Verified 4 file(s) of ' + path + '/1.0.0: size and sha256 match the local files.')
}
