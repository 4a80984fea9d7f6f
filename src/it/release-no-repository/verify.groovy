import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertNoRequests(registry)
    assertLogContains(basedir, 'No repository for the release: set <repository> (forge.repository) to the repository under acme that gets it, or give the POM an <scm> whose URL points at ' + registry.baseUrl() + '/acme/<repository>.')
}
