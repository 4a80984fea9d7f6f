import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('dry-run')
    It.emulatorOnly(context, 'that no request at all was sent') { emulator ->
        assertNoRequests(emulator)
    }
    // what a real server can answer: nothing was stored
    assertNoVersion(registry, owner, '1.0', app)
    assertLogContains(basedir,
        'Dry run: would upload dry-run-1.0.jar (',
        ', main artifact) to ' + registry.baseUrl() + '/api/packages/' + owner + '/generic/' + app + '/1.0/dry-run-1.0.jar',
        "Dry run: 1 file(s), ",
        "nothing sent (credentials of <server> 'forge' in settings.xml, user '" + registry.username() + "', onExisting=fail).")
}
