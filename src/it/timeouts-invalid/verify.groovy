import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertNoRequests(registry)
    assertLogContains(basedir,
        '2 problems, nothing was uploaded:',
        '  - <connectTimeout> (forge.connectTimeout) is -1, but must be at least 1: set the seconds to wait for a connection, or leave it out for the default 30.',
        "  - <responseTimeout> (forge.responseTimeout) is 0, but must be at least 1: set the seconds the server may stay silent (there is no 'no limit'), or leave it out for the default 300.")
}
