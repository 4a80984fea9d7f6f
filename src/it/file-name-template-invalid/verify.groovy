import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertNoRequests(registry)
    assertLogContains(basedir, "The main artifact would be uploaded as 'app/1.0.jar', which the registry refuses: it may contain ASCII letters")
}
