import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('app')
    assertStored(registry, owner, app, '1.0', new File(basedir, 'target/app-1.0.jar'))
    assertFileCount(registry, owner, app, '1.0', 1)
    It.emulatorOnly(context, 'that one PUT was sent') { emulator ->
        assert puts(emulator).size() == 1
    }
}
