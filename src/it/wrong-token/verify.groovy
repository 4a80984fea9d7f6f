import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assert !registry.versionExists('acme', 'app', '1.0')
    def puts = puts(registry)
    assert puts.size() == 1
    assert puts[0].status == 401
    // What the client sent, drained bytes included: Expect: 100-continue kept the body home.
    assert puts[0].bodyBytesSent() == 0 : 'the body was pushed although the server refused it up front'
    assertLogContains(basedir,
        'PUT ' + registry.baseUrl() + '/api/packages/acme/generic/app/1.0/app-1.0.jar failed: HTTP 401',
        "The server did not accept the credentials of <server> 'forge-wrong-token' in settings.xml (username 'deployer')")
    assertNoSecretIn(basedir, registry, 'deployer', '0badc0ffee0badc0ffee0badc0ffee0badc0ffee')
}
