import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), distribution = registry.name('distribution')
    assertStored(registry, owner, distribution, '2.1', new File(basedir, 'target/distribution-2.1-bin.zip'))
    assertFileCount(registry, owner, distribution, '2.1', 1)
    It.emulatorOnly(context, 'that one PUT was sent') { emulator ->
        assert puts(emulator).size() == 1
    }
}
