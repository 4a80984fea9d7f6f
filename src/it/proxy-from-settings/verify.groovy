import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def proxy = context.get('proxy')
    def jar = new File(basedir, 'target/app-1.0.jar')
    assertStored(registry, 'acme', 'app', '1.0', jar)
    assert registry.file('acme', 'app', '1.0', 'app-1.0.jar').get().sha256() == sha256(jar.bytes)

    def expected = 'Basic ' + 'proxy-user:proxy-Pa55word'.bytes.encodeBase64().toString()
    def puts = proxy.requests('PUT')
    assert puts.size() == 1 : proxy.requests()
    assert puts[0].requestLine() == "PUT ${registry.baseUrl()}/api/packages/acme/generic/app/1.0/app-1.0.jar HTTP/1.1"
    assert puts[0].proxyAuthorization() == expected
    assert puts[0].status() == 201
    assert puts[0].bodyBytes() == jar.length()
    assert proxy.requests().findAll { it.target().startsWith(registry.baseUrl()) }.every { it.proxyAuthorization() == expected }
    // Proxy credentials stay with the proxy.
    assert registry.requests().every { it.header('Proxy-Authorization') == null }

    assertLogContains(basedir,
            "[INFO] Using <proxy> 'it-proxy' in settings.xml (127.0.0.1:${proxy.port()}) for ${registry.baseUrl()}, as user 'proxy-user'.")
    assertNoSecretIn(basedir, registry, 'proxy-user', 'proxy-Pa55word')
}
