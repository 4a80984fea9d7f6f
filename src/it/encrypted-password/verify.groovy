import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    // stored at all only if the password was decrypted: the server refuses the encrypted string
    assertStored(registry, registry.owner(), registry.name('app'), '1.0', new File(basedir, 'target/app-1.0.jar'))
    assertNoSecretOf(basedir, registry, 'forge-encrypted')
    It.emulatorOnly(context, 'the Authorization header sent: Basic with the decrypted password') { emulator ->
        assert puts(emulator)[0].header('Authorization') == 'Basic ' + 'deployer:deployer-Pa55word'.bytes.encodeBase64().toString()
    }
}
