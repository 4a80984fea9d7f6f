import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertStored(registry, 'acme', 'app', '1.0', new File(basedir, 'target/app-1.0.jar'))
    assert puts(registry)[0].header('Authorization') == 'Basic ' + ('deployer:' + io.github.forgemaven.testing.StandardFixture.WRITE_TOKEN).bytes.encodeBase64().toString()
    assertLogContains(basedir, "Credentials: the environment variables FORGE_USERNAME and FORGE_TOKEN, user 'deployer', sent as HTTP Basic.")
}
