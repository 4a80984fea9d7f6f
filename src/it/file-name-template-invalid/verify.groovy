import static io.github.forgemaven.testing.ItAssertions.*

def registry = context.get('registry')
try {
    assertNoRequests(registry)
    assertLogContains(basedir, "The main artifact would be uploaded as 'app/1.0.jar', which the registry refuses: it may contain ASCII letters")
} finally {
    registry?.close()
}
