import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def foreign = registry.emulator().present ? 'readonly-org' : registry.foreignOwner()
    def app = registry.name('app')
    assert !registry.versionExists(foreign, app, '1.0')
    assertLogContains(basedir,
        'PUT ' + registry.baseUrl() + '/api/packages/' + foreign + '/generic/' + app + '/1.0/app-1.0.jar failed: HTTP 401',
        "The server knows user '" + registry.username() + "' (<server> 'forge' in settings.xml) but does not let it publish packages for owner '" + foreign + "'.",
        "the user has no write access to the packages of '" + foreign + "'")
    It.emulatorOnly(context, 'that only the one PUT was sent') { emulator -> assert puts(emulator).size() == 1 }
    assertNoSecretOf(basedir, registry, 'forge')
}
