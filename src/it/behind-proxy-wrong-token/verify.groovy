import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

// The front-end proxy is local in both modes (in conformance mode in front of the real server): its record of
// the bytes the client sent is checked in both; the 401 is the server's.
It.verify(context) { registry ->
    def proxy = It.proxy(context)
    def owner = registry.owner(), app = registry.name('app')
    def jar = new File(basedir, 'target/app-1.0.jar')
    assert !registry.versionExists(owner, app, '1.0')
    assert proxy.requests('PUT')*.status == [401]
    assert proxy.requests('PUT')[0].bodyBytesFromClient == jar.length() : 'the proxy takes the whole body before the server is asked'
    It.emulatorOnly(context, 'the one PUT the server received and that it read none of its body') { emulator ->
        assert puts(emulator)*.status == [401]
        assert puts(emulator)[0].bodyBytesReceived == 0
    }
    assertLogContains(basedir,
        'PUT ' + proxy.baseUrl() + '/api/packages/' + owner + '/generic/' + app + '/1.0/app-1.0.jar failed: HTTP 401',
        "The server did not accept the credentials of <server> 'forge-wrong-token' in settings.xml (username '" + registry.username() + "')")
    assertNoSecretOf(basedir, registry, 'forge-wrong-token')
}
