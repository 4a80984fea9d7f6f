import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('app')
    assertStored(registry, owner, app, '1.0', new File(basedir, 'target/app-1.0.jar'))
    It.emulatorOnly(context, "the Authorization header sent (the <server>'s own)") { emulator ->
        assert puts(emulator)[0].header('Authorization') == 'token ' + emulator.secret('forge-http-headers')
    }
    assertLogContains(basedir, "Credentials: <server> 'forge-http-headers' in settings.xml, a token, sent as its Authorization header.")
    assertNoSecretOf(basedir, registry, 'forge-http-headers')
}
