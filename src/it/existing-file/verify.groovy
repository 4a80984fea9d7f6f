import static io.github.forgemaven.testing.ItAssertions.*

def registry = context.get('registry')
try {
    assertStored(registry, 'acme', 'app', '1.0', new File(basedir, 'target/app-1.0.jar'))
    assert new String(registry.file('acme', 'app', '1.0', 'app-1.0-sources.jar').get().bytes()) == 'published earlier'
    assertLogContains(basedir,
        'failed: HTTP 409',
        "'app-1.0-sources.jar' already exists in acme/app/1.0",
        'Uploaded before the failure: app-1.0.jar.',
        'Not uploaded: app-1.0-sources.jar.')
} finally {
    registry?.close()
}
