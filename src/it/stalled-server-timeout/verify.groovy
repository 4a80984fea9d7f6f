import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assert puts(registry)*.status == [0]
    assertLogContains(basedir, 'app-1.0.jar failed: SocketTimeoutException', 'The server sent nothing for 2 s, the response timeout (<responseTimeout>).')
}
