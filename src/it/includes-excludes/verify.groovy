import static io.github.forgemaven.testing.ItAssertions.*

def registry = context.get('registry')
try {
    assertStored(registry, 'acme', 'app', '1.0.0', new File(basedir, 'target/app-1.0.0.jar'))
    assertStored(registry, 'acme', 'app', '1.0.0', new File(basedir, 'target/app-1.0.0-linux-x64.zip'))
    assertFileCount(registry, 'acme', 'app', '1.0.0', 2)
} finally {
    registry?.close()
}
