import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertStored(registry, 'acme', 'app', '1.0', new File(basedir, 'target/app-1.0.jar'))
    assert puts(registry)[0].header('Authorization') == 'token ' + io.github.forgemaven.testing.StandardFixture.WRITE_TOKEN
    assertLogContains(basedir, "Credentials: <server> 'forge-http-headers' in settings.xml, a token, sent as its Authorization header.")
}
