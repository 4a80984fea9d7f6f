import static io.github.forgemaven.testing.ItAssertions.*

def registry = context.get('registry')
try {
    assertNoRequests(registry)
    assertLogContains(basedir, "<packageName> (forge.packageName) 'my app' is not valid: it may contain ASCII letters, digits and - _ + . only")
} finally {
    registry?.close()
}
