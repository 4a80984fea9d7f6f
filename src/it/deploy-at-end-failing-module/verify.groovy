import static io.github.forgemaven.testing.ItAssertions.*

def registry = context.get('registry')
try {
    assertNoRequests(registry)
    assertLogContains(basedir, 'Deferred to the end of the build (deployAtEnd): 1 file(s) of acme/core/4.0.', 'COMPILATION ERROR')
} finally {
    registry?.close()
}
