import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertNoRequests(registry)
    assertLogContains(basedir, 'CHANGELOG.md\' has no section for version 1.0: add a heading \'## [1.0] - <date>\'')
}
