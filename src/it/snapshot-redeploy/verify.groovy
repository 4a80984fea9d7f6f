import static io.github.forgemaven.testing.ItAssertions.*

def registry = context.get('registry')
try {
    assertStored(registry, 'acme', 'app', '2.0-SNAPSHOT', new File(basedir, 'target/app-2.0-SNAPSHOT.jar'))
    assert registry.requests()*.method == ['GET', 'DELETE', 'PUT', 'GET']
    assertLogContains(basedir, ': 1 replaced (')
} finally {
    registry?.close()
}
