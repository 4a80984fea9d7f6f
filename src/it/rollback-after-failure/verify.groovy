import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assert registry.files('acme', 'app', '1.0')*.name == ['CHANGELOG.txt']
    def requests = registry.requests()
    // The listing, then the jar alone, then sources and the tar in parallel; the failing tar asks for the
    // server's version (for the hint) while the sources PUT may still be running, so those two may swap.
    // The deletions come last: rollback waits until no upload is in flight.
    assert requests*.method.take(2) == ['GET', 'PUT'] : requests*.method
    assert requests*.method.subList(2, 5).sort() == ['GET', 'PUT', 'PUT'] : requests*.method
    assert requests*.method.drop(5) == ['DELETE', 'DELETE'] : requests*.method
    assert requests.findAll { it.method() == 'GET' }*.rawTarget() == [
        '/api/v1/packages/acme/generic/app/1.0/files', '/api/forgejo/v1/version']
    assert requests.findAll { it.method() == 'DELETE' }*.rawTarget().sort() == [
        '/api/packages/acme/generic/app/1.0/app-1.0-sources.jar', '/api/packages/acme/generic/app/1.0/app-1.0.jar']
    assertLogContains(basedir,
        'app-1.0-dist.tar failed: HTTP 403 Forbidden (server said: "maximum allowed package type size exceeded")',
        'LIMIT_SIZE_GENERIC',
        'Uploaded before the failure: app-1.0.jar, app-1.0-sources.jar.',
        'Rolled back: deleted app-1.0.jar, app-1.0-sources.jar again, which this run had uploaded')
}
