import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('app')
    assert !registry.versionExists(owner, app, '1.0')
    It.emulatorOnly(context, 'the one PUT, the bytes the client sent, the anonymous version requests') { emulator ->
        def puts = puts(emulator)
        assert puts.size() == 1
        // The version endpoints are asked without credentials, so the wrong token cannot hide the server.
        def versionRequests = emulator.requests().findAll { it.rawTarget().endsWith('/version') }
        assert !versionRequests.isEmpty()
        assert versionRequests.every { it.header('Authorization') == null }
        assert puts[0].status == 401
        // What the client sent, drained bytes included: Expect: 100-continue kept the body home.
        assert puts[0].bodyBytesSent() == 0 : 'the body was pushed although the server refused it up front'
    }
    assertLogNamesTheServer(context, basedir, registry)
    assertLogContains(basedir,
        'PUT ' + registry.baseUrl() + '/api/packages/' + owner + '/generic/' + app + '/1.0/app-1.0.jar failed: HTTP 401',
        "The server did not accept the credentials of <server> 'forge-wrong-token' in settings.xml (username '" + registry.username() + "')")
    assertNoSecretOf(basedir, registry, 'forge-wrong-token')
}
