import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertNoRequests(registry)
    assertLogContains(basedir, "There is no <server> 'codeberg' in settings.xml, and FORGE_TOKEN is not set.", '<id>codeberg</id>')
}
