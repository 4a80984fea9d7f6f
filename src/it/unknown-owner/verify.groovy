import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertLogContains(basedir, 'failed: HTTP 404', "owner '" + registry.name('no-such-org') + "' does not exist there")
    It.emulatorOnly(context, 'the one PUT') { emulator ->
        assert puts(emulator).size() == 1
    }
    // the hint names the server as it reports itself (on the emulator Forgejo 14.0.2+gitea-1.22.0); a Gitea has no
    // /api/forgejo/v1/version to compare the line with
    registry.forgejoVersion().ifPresentOrElse({ assertLogContains(basedir, 'Server: Forgejo ' + it + '.') },
        { It.emulatorOnly(context, 'the server version named (a Gitea: nothing to compare it with)') { } })
}
