import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assert registry.releaseRows('acme', 'app').isEmpty()
    assert registry.requests().every { it.method() == 'GET' }
    assertLogContains(basedir, 'GET ' + registry.baseUrl() + '/api/v1/repos/acme/app failed: HTTP 403',
            'The token lacks the write:repository scope that releases need (packages need write:package: a token for both goals needs both).')
}
