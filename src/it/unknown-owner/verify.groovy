import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertLogContains(basedir, 'failed: HTTP 404', "owner '" + registry.name('no-such-org') + "' does not exist there")
    It.emulatorOnly(context, "the server's version in the message, and the one PUT") { emulator ->
        assertLogContains(basedir, 'Server: Forgejo 14.0.2+gitea-1.22.0.')
        assert puts(emulator).size() == 1
    }
}
