import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('app')
    assertStored(registry, owner, app, '1.0', new File(basedir, 'target/app-1.0.jar'))
    It.emulatorOnly(context, 'the Authorization header sent (HTTP Basic, the token as user name, no password)') { emulator ->
        assert puts(emulator)[0].header('Authorization') == 'Basic ' + (emulator.secret('forge-token-only') + ':').bytes.encodeBase64().toString()
    }
    assertLogContains(basedir, "Credentials: <server> 'forge-token-only' in settings.xml, a token, sent as a token (HTTP Basic, token as user name).")
    assertNoSecretOf(basedir, registry, 'forge-token-only')
}
