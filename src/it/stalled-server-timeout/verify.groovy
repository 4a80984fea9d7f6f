import static io.github.forgemaven.testing.ItAssertions.*

def registry = context.get('registry')
try {
    assert puts(registry)*.status == [0]
    assertLogContains(basedir, 'app-1.0.jar failed: SocketTimeoutException', 'The server sent nothing for 2 s, the response timeout (<responseTimeout>).')
} finally {
    registry?.close()
}
