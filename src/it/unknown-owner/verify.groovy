import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertLogContains(basedir, 'failed: HTTP 404', "owner 'no-such-org' does not exist there", 'Server: Forgejo 14.0.2+gitea-1.22.0.')
    assert puts(registry).size() == 1
}
