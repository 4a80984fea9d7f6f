import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assert !registry.versionExists('acme', 'app', '1.0')
    def puts = puts(registry)
    assert puts.size() == 1
    assert puts[0].status == 401
    assert puts[0].header('Authorization') == 'token 0badc0ffee0badc0ffee0badc0ffee0badc0ffee'
    assertLogContains(basedir,
        "The server did not accept the Authorization header in the <configuration><httpHeaders> of <server>"
            + " 'forge-http-headers-wrong-token' in settings.xml: the token in it is wrong, expired or revoked, or the"
            + " user does not exist. Create a personal access token with the write:package scope (user settings >"
            + " Applications) and set that header's <value> to 'token ' followed by the token (or 'Basic ' and the"
            + " base64 of user:token); or remove the header and put the token in that <server>'s <password>, with your"
            + " user name as <username>.",
        'Server: Forgejo 14.0.2+gitea-1.22.0.')
    assert !new File(basedir, 'build.log').text.contains("put it in that <server>'s <password>.")
    assertNoSecretIn(basedir, registry, 'deployer', '0badc0ffee0badc0ffee0badc0ffee0badc0ffee')
}
