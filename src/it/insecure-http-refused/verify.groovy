import static io.github.forgemaven.testing.ItAssertions.*

def registry = context.get('registry')
try {
    assertNoRequests(registry)
    assertLogContains(basedir, "<url> (forge.url) 'http://git.example.com' would send your token in clear text: use https://, or set <allowInsecureHttp>true</allowInsecureHttp>")
} finally {
    registry?.close()
}
