import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner()
    // The build names no repository (no <repository>, no forge.repository, no <scm>), so no server holds a
    // repository it could have written to: that it sent nothing is the emulator's to see (it holds acme/app,
    // which a build guessing the artifactId would reach). On a real server the case checks the message.
    It.emulatorOnly(context, 'that no request at all was sent (the build knows no repository of the server, so nothing there could show one)') { emulator ->
        assertNoRequests(emulator)
    }
    assertLogContains(basedir, 'No repository for the release: set <repository> (forge.repository) to the repository under ' + owner + ' that gets it, or give the POM an <scm> whose URL points at ' + registry.baseUrl() + '/' + owner + '/<repository>.')
}
