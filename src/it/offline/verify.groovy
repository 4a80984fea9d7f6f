import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertNoRequests(registry)
    assertLogContains(basedir, 'Cannot upload to ' + registry.baseUrl() + ' in offline mode (-o): run the build without -o, or skip this goal with -Dforge.skip.')
}
