import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('app')
    assert !registry.versionExists(owner, app, '1.0')
    It.emulatorOnly(context, 'the one PUT, its 401 and the Authorization header sent') { emulator ->
        def puts = puts(emulator)
        assert puts.size() == 1
        assert puts[0].status == 401
        assert puts[0].header('Authorization') == 'token ' + emulator.secret('forge-http-headers-wrong-token')
    }
    assertLogNamesTheServer(context, basedir, registry)
    assertLogContains(basedir,
        'PUT ' + registry.baseUrl() + '/api/packages/' + owner + '/generic/' + app + '/1.0/app-1.0.jar failed: HTTP 401',
        "The server did not accept the Authorization header in the <configuration><httpHeaders> of <server>"
            + " 'forge-http-headers-wrong-token' in settings.xml: the token in it is wrong, expired or revoked, or the"
            + " user does not exist. Create a personal access token with the write:package scope (user settings >"
            + " Applications) and set that header's <value> to 'token ' followed by the token (or 'Basic ' and the"
            + " base64 of user:token); or remove the header and put the token in that <server>'s <password>, with your"
            + " user name as <username>.")
    assertLogLacks(basedir, "put it in that <server>'s <password>.")
    assertNoSecretOf(basedir, registry, 'forge-http-headers-wrong-token')
}
