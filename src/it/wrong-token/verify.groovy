import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assert !registry.versionExists('acme', 'app', '1.0')
    def puts = puts(registry)
    assert puts.size() == 1
    // The version endpoints are asked without credentials, so the wrong token cannot hide the server.
    def versionRequests = registry.requests().findAll { it.rawTarget().endsWith('/version') }
    assert !versionRequests.isEmpty()
    assert versionRequests.every { it.header('Authorization') == null }
    assert puts[0].status == 401
    // What the client sent, drained bytes included: Expect: 100-continue kept the body home.
    assert puts[0].bodyBytesSent() == 0 : 'the body was pushed although the server refused it up front'
    assertLogContains(basedir,
        'PUT ' + registry.baseUrl() + '/api/packages/acme/generic/app/1.0/app-1.0.jar failed: HTTP 401',
        "The server did not accept the credentials of <server> 'forge-wrong-token' in settings.xml (username 'deployer')",
        'Server: Forgejo 14.0.2+gitea-1.22.0.')
    assertNoSecretIn(basedir, registry, 'deployer', '0badc0ffee0badc0ffee0badc0ffee0badc0ffee')
}
