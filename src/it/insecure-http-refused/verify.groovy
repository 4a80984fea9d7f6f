import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertNoRequests(registry)
    assertLogContains(basedir, "<url> (forge.url) 'http://git.example.com' would send your token in clear text: use https://, or set <allowInsecureHttp>true</allowInsecureHttp>")
}
