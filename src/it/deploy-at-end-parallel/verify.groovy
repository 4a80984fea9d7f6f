import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner()
    ['core', 'cli', 'web'].each {
        assertStored(registry, owner, registry.name(it), '4.0', new File(basedir, "${it}/target/${it}-4.0.jar"))
        assertFileCount(registry, owner, registry.name(it), '4.0', 1)
    }
    assertNoVersion(registry, owner, '4.0', registry.name('dae-parent'))
    It.emulatorOnly(context, 'that exactly 3 PUTs were sent') { emulator ->
        assert puts(emulator).size() == 3
    }
    assertLogContains(basedir, "Deferred to the end of the build (deployAtEnd): 1 file(s) of ${owner}/",
        'Uploading the files of 3 package version(s) of the 4 module(s) that ran this goal (deployAtEnd).')
}
