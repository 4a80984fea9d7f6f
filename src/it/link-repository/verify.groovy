import static io.github.forgemaven.testing.ItAssertions.*

def registry = context.get('registry')
try {
    assertStored(registry, 'acme', 'app', '1.0', new File(basedir, 'target/app-1.0.jar'))
    assert registry.linkedRepository('acme', 'app').get() == 'app-source'
    assert registry.requests().find { it.method == 'POST' }.rawTarget == '/api/v1/packages/acme/generic/app/-/link/app-source'
    assertLogContains(basedir, 'Linked package acme/app to repository acme/app-source.')
} finally {
    registry?.close()
}
