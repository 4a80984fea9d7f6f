import static io.github.forgemaven.testing.ItAssertions.*

def registry = context.get('registry')
try {
    assertStored(registry, 'acme', 'app', '1.0', new File(basedir, 'target/app-1.0.jar'))
    assertLogContains(basedir, '[DEBUG] ex-0000000001 preparing request execution')
    assertNoSecretIn(basedir, 'deployer', io.github.forgemaven.testing.StandardFixture.WRITE_TOKEN)
} finally {
    registry?.close()
}
