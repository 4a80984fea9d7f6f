import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertStored(registry, 'acme', 'app', '1.0', new File(basedir, 'target/app-1.0.jar'))
    assert puts(registry)[0].header('Authorization') == 'Basic ' + (io.github.forgemaven.testing.StandardFixture.WRITE_TOKEN + ':').bytes.encodeBase64().toString()
    assertLogContains(basedir, "Credentials: <server> 'forge-token-only' in settings.xml, a token, sent as a token (HTTP Basic, token as user name).")
    assertNoSecretIn(basedir, registry, 'deployer', io.github.forgemaven.testing.StandardFixture.WRITE_TOKEN)
}
