import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def proxy = context.get('proxy')
    def owner = registry.owner(), app = registry.name('app')
    def jar = new File(basedir, 'target/app-1.0.jar')
    assertStored(registry, owner, app, '1.0', jar)
    assert registry.file(owner, app, '1.0', 'app-1.0.jar').get().sha256() == sha256(jar.bytes)

    // What the proxy saw: it is local in both modes, so its record is checked in both.
    def expected = 'Basic ' + 'proxy-user:proxy-Pa55word'.bytes.encodeBase64().toString()
    def url = new URI(registry.baseUrl())
    if (url.scheme.equalsIgnoreCase('https')) {
        // A real server on https: the client tunnels (CONNECT, the proxy's credentials on it) and the proxy
        // sees nothing of the requests inside the tunnel.
        def authority = "${url.host}:${url.port > 0 ? url.port : 443}"
        assert proxy.requests().every { it.method() == 'CONNECT' } : proxy.requests()
        def connects = proxy.requests('CONNECT').findAll { it.target() == authority }
        assert !connects.isEmpty() : proxy.requests()
        assert connects.every { it.proxyAuthorization() == expected && it.status() == 200 } : connects
        It.notChecked(context, 'the PUT, its status and its bytes as the proxy relayed them (inside the https tunnel)')
    } else {
        def puts = proxy.requests('PUT')
        assert puts.size() == 1 : proxy.requests()
        assert puts[0].requestLine() == "PUT ${registry.baseUrl()}/api/packages/${owner}/generic/${app}/1.0/app-1.0.jar HTTP/1.1"
        assert puts[0].proxyAuthorization() == expected
        assert puts[0].status() == 201
        assert puts[0].bodyBytes() == jar.length()
        assert proxy.requests().findAll { it.target().startsWith(registry.baseUrl()) }.every { it.proxyAuthorization() == expected }
    }

    assertLogContains(basedir,
            "[INFO] Using <proxy> 'it-proxy' in settings.xml (127.0.0.1:${proxy.port()}) for ${registry.baseUrl()}, as user 'proxy-user'.")
    assertNoSecretIn(basedir, 'proxy-user', 'proxy-Pa55word')
    assertNoSecretOf(basedir, registry, 'forge')
    It.emulatorOnly(context, 'that the server got no Proxy-Authorization, and that no credential it was sent shows in the log') { emulator ->
        // Proxy credentials stay with the proxy.
        assert emulator.requests().every { it.header('Proxy-Authorization') == null }
        assertNoSecretIn(basedir, emulator, 'proxy-user', 'proxy-Pa55word')
    }
}
