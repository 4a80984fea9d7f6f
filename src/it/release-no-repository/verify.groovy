import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), tag = registry.name('v1.0')
    It.emulatorOnly(context, 'that no request at all was sent') { emulator ->
        assertNoRequests(emulator)
    }
    // what a server can show of "before any request": no release and no tag of the case's name in the
    // repository a release would have gone to (the run's, if it has one)
    if (registry.hasRepository()) {
        assert !registry.release(owner, registry.repository(), tag).present
        assert !registry.tagExists(owner, registry.repository(), tag)
    }
    assertLogContains(basedir, 'No repository for the release: set <repository> (forge.repository) to the repository under ' + owner + ' that gets it, or give the POM an <scm> whose URL points at ' + registry.baseUrl() + '/' + owner + '/<repository>.')
}
