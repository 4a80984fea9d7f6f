import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), repo = registry.repository(), tag = registry.name('v1.0')
    It.emulatorOnly(context, 'that no request at all was sent') { emulator ->
        assertNoRequests(emulator)
    }
    // what a real server can show of "before any request": no release and no tag of the case's name
    assertNoRelease(registry, owner, repo, tag)
    assertLogContains(basedir, 'CHANGELOG.md\' has no section for version 1.0: add a heading \'## [1.0] - <date>\'')
}
