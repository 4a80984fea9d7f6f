import static io.github.forgemaven.testing.ItAssertions.*

def registry = context.get('registry')
try {
    assertStored(registry, 'acme', 'app', '1.0', new File(basedir, 'target/app-1.0.jar'))
    assertNoSecretIn(basedir, 'deployer', 'deployer-Pa55word')
    assert puts(registry)[0].header('Authorization') == 'Basic ' + 'deployer:deployer-Pa55word'.bytes.encodeBase64().toString()
} finally {
    registry?.close()
}
