import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def proxy = It.proxy(context)
    def jar = new File(basedir, 'target/app-1.0.jar')
    assert !registry.versionExists('acme', 'app', '1.0')
    assert proxy.requests('PUT')*.status == [401]
    assert proxy.requests('PUT')[0].bodyBytesFromClient == jar.length() : 'the proxy takes the whole body before the server is asked'
    assert puts(registry)*.status == [401]
    assert puts(registry)[0].bodyBytesReceived == 0
    assertLogContains(basedir,
        'PUT ' + proxy.baseUrl() + '/api/packages/acme/generic/app/1.0/app-1.0.jar failed: HTTP 401',
        "The server did not accept the credentials of <server> 'forge-wrong-token' in settings.xml (username 'deployer')")
    assertNoSecretIn(basedir, 'deployer', '0badc0ffee0badc0ffee0badc0ffee0badc0ffee')
}
