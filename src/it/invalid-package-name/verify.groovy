import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertNoRequests(registry)
    assertLogContains(basedir, "<packageName> (forge.packageName) 'my app' is not valid: it may contain ASCII letters, digits and - _ + . only")
}
