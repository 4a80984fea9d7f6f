import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('app')
    assert !registry.versionExists(owner, app, '1.0')
    It.emulatorOnly(context, 'the one PUT, its 401 and the Authorization header sent') { emulator ->
        def puts = puts(emulator)
        assert puts.size() == 1
        assert puts[0].status == 401
        // Sent as a token: HTTP Basic with the password as user name and nothing after the colon.
        assert puts[0].header('Authorization') == 'Basic ' + (emulator.secret('forge-password-only') + ':').bytes.encodeBase64().toString()
    }
    assertLogNamesTheServer(context, basedir, registry)
    assertLogContains(basedir,
        'PUT ' + registry.baseUrl() + '/api/packages/' + owner + '/generic/' + app + '/1.0/app-1.0.jar failed: HTTP 401',
        "Credentials: <server> 'forge-password-only' in settings.xml, a token, sent as a token (HTTP Basic, token as user name).",
        "The server did not accept the credentials of <server> 'forge-password-only' in settings.xml, sent as a token:"
            + " a <server> without <username> sends its <password> as a token, and this one is not shaped like an"
            + " access token (40 hexadecimal digits), so it is likely an account password: if it is, add <username>"
            + " (your user name) to that <server>. Or create a personal access token with the write:package scope"
            + " (user settings > Applications) and put it in that <server>'s <password>.")
    assertNoSecretOf(basedir, registry, 'forge-password-only')
}
