import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('app')
    assertStored(registry, owner, app, '1.0', new File(basedir, 'target/app-1.0.jar'))
    assertStored(registry, owner, app, '1.0', new File(basedir, 'target/app-1.0-sources.jar'))
    assert new String(registry.file(owner, app, '1.0', 'notes.txt').get().bytes()) == 'keep me'
    It.emulatorOnly(context, 'that the one DELETE sent was the old sources jar') { emulator ->
        assert emulator.requests().findAll { it.method == 'DELETE' }*.rawTarget == ['/api/packages/acme/generic/app/1.0/app-1.0-sources.jar']
    }
    assertLogContains(basedir, 'Deleted the old app-1.0-sources.jar to replace it (onExisting=replace).', ': 1 uploaded, 1 replaced (')
}
