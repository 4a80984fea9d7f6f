import static io.github.forgemaven.testing.ItAssertions.*

def registry = context.get('registry')
try {
    assert registry.files('acme', 'app', '1.0')*.name == ['CHANGELOG.txt']
    assert registry.requests()*.method == ['GET', 'PUT', 'PUT', 'PUT', 'GET', 'DELETE', 'DELETE'] : 'listing, three uploads, the server version for the hint, two deletions'
    assertLogContains(basedir,
        'app-1.0-dist.tar failed: HTTP 403 Forbidden (server said: "maximum allowed package type size exceeded")',
        'LIMIT_SIZE_GENERIC',
        'Uploaded before the failure: app-1.0.jar, app-1.0-sources.jar.',
        'Rolled back: deleted app-1.0.jar, app-1.0-sources.jar again, which this run had uploaded')
} finally {
    registry?.close()
}
