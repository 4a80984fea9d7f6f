import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertStored(registry, 'acme', 'app', '1.0', new File(basedir, 'target/app-1.0.jar'))
    assertNoSecretIn(basedir, registry, 'deployer', 'deployer-Pa55word')
    assert puts(registry)[0].header('Authorization') == 'Basic ' + 'deployer:deployer-Pa55word'.bytes.encodeBase64().toString()
}
