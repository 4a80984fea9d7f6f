import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertNoRequests(registry)
    assertLogContains(basedir, 'Deferred to the end of the build (deployAtEnd): 1 file(s) of acme/core/4.0.', 'COMPILATION ERROR')
}
