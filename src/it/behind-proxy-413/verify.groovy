import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def proxy = It.proxy(context)
    assert !registry.versionExists('acme', 'app', '1.0')
    assert proxy.requests('PUT')*.status == [413] : 'a 413 is not retried'
    assert proxy.requests('PUT')[0].bodyBytesFromClient == 0 : 'the Content-Length alone decided, no body byte was sent'
    assert puts(registry).isEmpty()
    assertLogContains(basedir,
        'PUT ' + proxy.baseUrl() + '/api/packages/acme/generic/app/1.0/app-1.0.jar failed: HTTP 413',
        "client_max_body_size")
}
