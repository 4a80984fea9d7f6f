import static io.github.forgemaven.testing.ItAssertions.*

def registry = context.get('registry')
try {
    assertStored(registry, 'acme', 'app', '1.0', new File(basedir, 'target/app-1.0.jar'))
    assertFileCount(registry, 'acme', 'app', '1.0', 1)
    assert puts(registry)*.status == [504, 409]
    assertLogContains(basedir, 'app-1.0.jar was stored by an earlier attempt; its content is identical.', ': 1 uploaded (')
} finally {
    registry?.close()
}
