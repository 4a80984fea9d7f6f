import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), core = registry.name('core')
    It.emulatorOnly(context, 'that no request at all was sent') { emulator ->
        assertNoRequests(emulator)
    }
    // on a real server too: core's deferred jar was not published, nor anything of the aggregator (broken
    // fails to compile, so it never gets to the goal and has nothing that could be)
    assertNoVersion(registry, owner, '4.0', core, registry.name('dae-parent'))
    assertLogContains(basedir, "Deferred to the end of the build (deployAtEnd): 1 file(s) of ${owner}/${core}/4.0.", 'COMPILATION ERROR')
}
