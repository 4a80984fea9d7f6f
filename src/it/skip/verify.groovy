import static io.github.forgemaven.testing.ItAssertions.*

def registry = context.get('registry')
try {
    assertNoRequests(registry)
    assertLogContains(basedir, 'Skipping forge:deploy-generic (forge.skip=true).')
} finally {
    registry?.close()
}
