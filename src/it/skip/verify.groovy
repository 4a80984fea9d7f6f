import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertNoRequests(registry)
    assertLogContains(basedir, 'Skipping forge:deploy-generic (forge.skip=true).')
}
