import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('app')
    def names = ['app-1.0.jar', 'app-1.0-sources.jar']
    def check = File.createTempDir('sidecars', '')
    try {
        names.each { name ->
            assertStored(registry, owner, app, '1.0', new File(basedir, 'target/' + name))
            def stored = registry.file(owner, app, '1.0', name).get().bytes()
            def sidecar = new String(registry.file(owner, app, '1.0', name + '.sha256').get().bytes(), 'UTF-8')
            // what sha256sum -c reads: the digest of the stored file, two spaces, its name, a newline
            assert sidecar == sha256(stored) + '  ' + name + '\n'
            new File(check, name).bytes = stored
            new File(check, name + '.sha256').text = sidecar
        }
        // and sha256sum itself agrees, where it is installed
        def sum = ['sh', '-c', 'command -v sha256sum >/dev/null || exit 77; sha256sum -c *.sha256'].execute(null, check)
        def out = new StringBuilder()
        sum.waitForProcessOutput(out, out)
        assert sum.exitValue() in [0, 77] : out
        if (sum.exitValue() == 0) {
            assert out.toString().readLines().sort() == ['app-1.0-sources.jar: OK', 'app-1.0.jar: OK']
        }
    } finally {
        check.deleteDir()
    }
    assertFileCount(registry, owner, app, '1.0', 4)
    It.emulatorOnly(context, 'that only the first run sent PUTs') { emulator ->
        // one PUT per file, from the first run (in parallel after the first file: any order)
        def puts = puts(emulator)
        assert puts*.rawTarget.collect { it.substring(it.lastIndexOf('/') + 1) }.sort() ==
                ['app-1.0-sources.jar', 'app-1.0-sources.jar.sha256', 'app-1.0.jar', 'app-1.0.jar.sha256']
    }
    def record = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/forge-deploy.json'))
    assert record.files*.name == ['app-1.0.jar', 'app-1.0.jar.sha256', 'app-1.0-sources.jar', 'app-1.0-sources.jar.sha256']
    assert record.files*.outcome == ['identical'] * 4
    def base = registry.baseUrl() + '/api/packages/' + owner + '/generic/' + app + '/1.0/'
    assertLogContains(basedir,
        'Already published, identical: app-1.0.jar.sha256 at ' + base + 'app-1.0.jar.sha256',
        'Published ' + owner + '/' + app + '/1.0 on ' + registry.baseUrl() + ': 4 identical, nothing sent.')
}
