import static io.github.forgemaven.testing.ItAssertions.*

def registry = context.get('registry')
try {
    assertNoRequests(registry)
    assertLogContains(basedir, "There is no <server> 'codeberg' in settings.xml, and FORGE_TOKEN is not set.", '<id>codeberg</id>')
} finally {
    registry?.close()
}
