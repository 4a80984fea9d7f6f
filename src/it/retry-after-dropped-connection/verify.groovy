import static io.github.forgemaven.testing.ItAssertions.*

def registry = context.get('registry')
try {
    assertStored(registry, 'acme', 'app', '1.0', new File(basedir, 'target/app-1.0.jar'))
    assert puts(registry)*.status == [0, 201]
    assertLogContains(basedir, 'failed (SocketException', 'retry 1 of 3 in 1 s.')
} finally {
    registry?.close()
}
