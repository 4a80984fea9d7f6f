import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('app')
    assertStored(registry, owner, app, '1.0', new File(basedir, 'target/app-1.0.jar'))
    It.emulatorOnly(context, 'the Authorization header sent (HTTP Basic with FORGE_USERNAME and FORGE_TOKEN)') { emulator ->
        assert puts(emulator)[0].header('Authorization') == 'Basic ' + (emulator.username() + ':' + emulator.secret('forge')).bytes.encodeBase64().toString()
    }
    assertLogContains(basedir, "Credentials: the environment variables FORGE_USERNAME and FORGE_TOKEN, user '" + registry.username() + "', sent as HTTP Basic.")
    // FORGE_TOKEN is in this build's environment, which Maven lists only under -X (invoker.properties keeps it off)
    assertNoSecretOf(basedir, registry, 'forge')
}
