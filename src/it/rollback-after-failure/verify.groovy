import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('app')
    assert registry.files(owner, app, '1.0')*.name == ['CHANGELOG.txt']
    It.emulatorOnly(context, 'the requests the server received (a local proxy records them instead)') { emulator ->
        def requests = emulator.requests()
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
            'LIMIT_SIZE_GENERIC')
    }
    if (registry.emulator().isEmpty()) {
        // the local proxy in front of the real server: its record of what the run sent, and its 413
        def proxy = It.proxy(context)
        def api = { it.target().substring(it.target().indexOf('/api/')) } // without a real server's URL path
        def path = '/api/packages/' + owner + '/generic/' + app + '/1.0/'
        assert proxy.requests('PUT').collect { [api(it), it.status()] }.sort { it[0] } == [
            [path + 'app-1.0-dist.tar', 413], [path + 'app-1.0-sources.jar', 201], [path + 'app-1.0.jar', 201]]
        assert proxy.requests('DELETE').collect { api(it) }.sort() == [path + 'app-1.0-sources.jar', path + 'app-1.0.jar']
        assert proxy.requests().last().method() == 'DELETE' : 'rollback waits until no upload is in flight'
        assertLogContains(basedir, 'app-1.0-dist.tar failed: HTTP 413', 'client_max_body_size')
    }
    assertLogContains(basedir,
        'Uploaded before the failure: app-1.0.jar, app-1.0-sources.jar.',
        'Rolled back: deleted app-1.0.jar, app-1.0-sources.jar again, which this run had uploaded')
}
