import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner()
    It.emulatorOnly(context, 'the one request, a GET refused with 401, and no release row') { emulator ->
        assert emulator.releaseRows(owner, 'app').isEmpty()
        def api = emulator.requests().findAll { it.rawTarget().startsWith('/api/v1/repos/') }
        assert api.size() == 1
        assert api[0].method() == 'GET' && api[0].status == 401
    }
    assertLogContains(basedir,
        ':release (default) on project app: GET ' + registry.baseUrl() + '/api/v1/repos/' + owner + '/app failed: HTTP 401',
        "[ERROR]   The server did not accept the credentials of <server> 'forge-wrong-token' in settings.xml (username '"
            + registry.username() + "'): the token or password is wrong, expired or revoked, or the user does not"
            + " exist. Create a personal access token with the write:repository scope (user settings > Applications;"
            + " releases need write:repository, packages write:package: a token for both goals needs both) and put it"
            + " in that <server>'s <password>.\n")
    assertNoSecretOf(basedir, registry, 'forge-wrong-token')
}
