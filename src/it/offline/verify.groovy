import static io.github.forgemaven.testing.ItAssertions.*

def registry = context.get('registry')
try {
    assertNoRequests(registry)
    assertLogContains(basedir, 'Cannot upload to ' + registry.baseUrl() + ' in offline mode (-o): run the build without -o, or skip this goal with -Dforge.skip.')
} finally {
    registry?.close()
}
