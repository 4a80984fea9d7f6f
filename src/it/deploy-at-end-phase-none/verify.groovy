import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), core = registry.name('core'), app = registry.name('app')
    assertStored(registry, owner, core, '4.0', new File(basedir, 'core/target/core-4.0.jar'))
    assertStored(registry, owner, app, '4.0', new File(basedir, 'app/target/app-4.0.jar'))
    assertFileCount(registry, owner, core, '4.0', 1)
    assertFileCount(registry, owner, app, '4.0', 1)
    assertNoVersion(registry, owner, '4.0', registry.name('tools'), registry.name('pn-parent'))
    It.emulatorOnly(context, 'that exactly 2 PUTs were sent') { emulator ->
        assert puts(emulator).size() == 2
    }
    assertLogContains(basedir,
        "Deferred to the end of the build (deployAtEnd): 1 file(s) of ${owner}/${core}/4.0.",
        'Uploading the files of 2 package version(s) of the 3 module(s) that ran this goal (deployAtEnd).')
}
