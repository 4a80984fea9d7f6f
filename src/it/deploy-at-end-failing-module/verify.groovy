import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), core = registry.name('core')
    It.emulatorOnly(context, 'that no request at all was sent') { emulator ->
        assertNoRequests(emulator)
    }
    // on a real server too: no module's version was created, core's deferred jar included
    ['dae-parent', 'core', 'broken'].each { assert !registry.versionExists(owner, registry.name(it), '4.0') : it }
    assertLogContains(basedir, "Deferred to the end of the build (deployAtEnd): 1 file(s) of ${owner}/${core}/4.0.", 'COMPILATION ERROR')
}
