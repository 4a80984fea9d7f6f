import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assert !registry.versionExists('acme', 'app', '1.0')
    def puts = puts(registry)
    assert puts.size() == 1
    assert puts[0].status == 401
    // Sent as a token: HTTP Basic with the password as user name and nothing after the colon.
    assert puts[0].header('Authorization') == 'Basic ' + ('deployer-Pa55word:').bytes.encodeBase64().toString()
    assertLogContains(basedir,
        "Credentials: <server> 'forge-password-only' in settings.xml, a token, sent as a token (HTTP Basic, token as user name).",
        "The server did not accept the credentials of <server> 'forge-password-only' in settings.xml, sent as a token:"
            + " a <server> without <username> sends its <password> as a token, and this one is not shaped like an"
            + " access token (40 hexadecimal digits), so it is likely an account password: if it is, add <username>"
            + " (your user name) to that <server>. Or create a personal access token with the write:package scope"
            + " (user settings > Applications) and put it in that <server>'s <password>.",
        'Server: Forgejo 14.0.2+gitea-1.22.0.')
    assertNoSecretIn(basedir, registry, 'deployer', 'deployer-Pa55word')
}
