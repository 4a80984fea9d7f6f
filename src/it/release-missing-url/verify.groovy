import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertNoRequests(registry)
    def log = new File(basedir, 'build.log').text
    assert log.contains(':release (default) on project app: No forge URL: set <url> in the plugin\'s <configuration> (e.g. <url>https://codeberg.org</url>) or -Dforge.url=https://codeberg.org: the server\'s base URL, the address that opens its web UI, without /api/...')
    assert !log.contains('are missing or invalid')
}
