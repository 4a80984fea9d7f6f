import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def proxy = It.proxy(context)
    def jar = new File(basedir, 'target/app-1.0.jar')
    assertStored(registry, 'acme', 'app', '1.0', jar)
    assert proxy.requests('PUT')*.status == [502, 201]
    assert proxy.requests('PUT')[0].bodyBytesFromClient == jar.length() : 'the 502 came after the whole body'
    assert puts(registry)*.status == [201] : 'the server saw the upload once'
    assertLogContains(basedir, '[WARNING] PUT ' + proxy.baseUrl() + '/api/packages/acme/generic/app/1.0/app-1.0.jar failed (HTTP 502 Bad Gateway); retry 1 of 3 in 1 s.')
}
