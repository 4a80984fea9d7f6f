import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), core = registry.name('core')
    It.emulatorOnly(context, 'that no PUT was sent') { emulator ->
        assert puts(emulator).isEmpty()
    }
    // on a real server too: core's version holds only what was there, and app got no version
    assertFileNames(registry, owner, core, '4.0', 'core-4.0.jar')
    assert new String(registry.file(owner, core, '4.0', 'core-4.0.jar').get().bytes()) == 'published earlier'
    assertNoVersion(registry, owner, '4.0', registry.name('app'))
    assertLogContains(basedir,
        "${owner}/${core}/4.0 already holds a file of the same name with other content; nothing was uploaded:",
        'With deployAtEnd, do not resume with -rf: a resumed build holds only the modules from the resume'
            + ' point and would publish their files alone. Run the whole build again.')
}
