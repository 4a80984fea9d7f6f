import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('app')
    It.emulatorOnly(context, 'that no request at all was sent') { emulator ->
        assertNoRequests(emulator)
    }
    // what a real server can answer: nothing was stored
    assertNoVersion(registry, owner, '1.0', app)
    assertLogContains(basedir, "The main artifact would be uploaded as 'app/1.0.jar', which the registry refuses: it may contain ASCII letters")
}
