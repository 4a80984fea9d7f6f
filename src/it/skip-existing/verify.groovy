import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('app')
    assertStored(registry, owner, app, '1.0', new File(basedir, 'target/app-1.0.jar'))
    assert new String(registry.file(owner, app, '1.0', 'app-1.0-sources.jar').get().bytes()) == 'published earlier'
    It.emulatorOnly(context, 'that only the jar was PUT') { emulator ->
        assert puts(emulator)*.rawTarget == ['/api/packages/acme/generic/app/1.0/app-1.0.jar']
    }
    assertLogContains(basedir,
        "[WARNING] Kept 'app-1.0-sources.jar' (server: 17 B, sha256 90720f512696...; local: ",
        ': 1 uploaded, 1 skipped (')
}
