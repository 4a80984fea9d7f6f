import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

// The front-end proxy is local in both modes (in conformance mode in front of the real server): its record and
// its 502 are checked and made in both.
It.verify(context) { registry ->
    def proxy = It.proxy(context)
    def owner = registry.owner(), app = registry.name('app')
    def jar = new File(basedir, 'target/app-1.0.jar')
    assertStored(registry, owner, app, '1.0', jar)
    assertFileCount(registry, owner, app, '1.0', 1)
    assert proxy.requests('PUT')*.status == [502, 201]
    assert proxy.requests('PUT')[0].bodyBytesFromClient == jar.length() : 'the 502 came after the whole body'
    It.emulatorOnly(context, 'that the server saw the upload once') { emulator ->
        assert puts(emulator)*.status == [201] : 'the server saw the upload once'
    }
    assertLogContains(basedir, '[WARNING] PUT ' + proxy.baseUrl() + '/api/packages/' + owner + '/generic/' + app + '/1.0/app-1.0.jar failed (HTTP 502 Bad Gateway); retry 1 of 3 in 1 s.')
}
