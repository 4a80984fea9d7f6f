import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertLogContains(basedir, 'failed: HTTP 404', "owner '" + registry.name('no-such-org') + "' does not exist there")
    It.emulatorOnly(context, 'the one PUT') { emulator ->
        assert puts(emulator).size() == 1
    }
    assertLogNamesTheServer(context, basedir, registry)
}
