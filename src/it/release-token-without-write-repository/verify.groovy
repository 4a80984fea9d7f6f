import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), repository = registry.repository(), tag = registry.name('v1.0')
    // nothing is created: no release and no tag of the case's name
    assert !registry.release(owner, repository, tag).present
    assert !registry.tagExists(owner, repository, tag)
    It.emulatorOnly(context, 'that every request was a GET, and that the repository has no release at all') { emulator ->
        assert emulator.releaseRows(owner, repository).isEmpty()
        assert emulator.requests().every { it.method() == 'GET' }
    }
    assertLogContains(basedir, 'GET ' + registry.baseUrl() + '/api/v1/repos/' + owner + '/' + repository + ' failed: HTTP 403',
            'The token lacks the write:repository scope that releases need (packages need write:package: a token for both goals needs both).')
    assertNoSecretOf(basedir, registry, 'forge-package-only')
}
