import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

// The front-end proxy is local in both modes (in conformance mode in front of the real server): its record is
// checked in both.
It.verify(context) { registry ->
    def proxy = It.proxy(context)
    def owner = registry.owner(), app = registry.name('app')
    assert !registry.versionExists(owner, app, '1.0')
    assert proxy.requests('PUT')*.status == [413] : 'a 413 is not retried'
    assert proxy.requests('PUT')[0].bodyBytesFromClient == 0 : 'the Content-Length alone decided, no body byte was sent'
    It.emulatorOnly(context, 'that the server received no PUT') { emulator ->
        assert puts(emulator).isEmpty()
    }
    assertLogContains(basedir,
        'PUT ' + proxy.baseUrl() + '/api/packages/' + owner + '/generic/' + app + '/1.0/app-1.0.jar failed: HTTP 413',
        "client_max_body_size")
}
