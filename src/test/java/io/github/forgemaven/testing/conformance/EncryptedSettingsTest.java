package io.github.forgemaven.testing.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.testing.StandardFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encrypting as Maven does: the same master password Maven uses for IT encrypted-password. */
class EncryptedSettingsTest {

    private static final Path SECURITY = Path.of("src/it/encrypted-password/settings-security.xml");

    @Test
    void decryptsTheFixturesEncryptedPasswordAsMavenDoes() throws IOException {
        // the emulator run of encrypted-password proves that Maven decrypts this to the account password
        Matcher encrypted = Pattern.compile("<id>forge-encrypted</id>\\s*<username>[^<]*</username>\\s*"
                        + "<!--[^>]*-->\\s*<password>([^<]+)</password>")
                .matcher(Files.readString(Path.of("src/it/settings.xml")));
        assertTrue(encrypted.find(), "src/it/settings.xml has forge-encrypted");

        assertEquals(StandardFixture.DEPLOYER_PASSWORD, EncryptedSettings.decrypt(encrypted.group(1), SECURITY));
    }

    @Test
    void encryptsSoThatTheSameMasterPasswordDecrypts() {
        String token = "0123456789abcdef0123456789abcdef01234567";
        String encrypted = EncryptedSettings.encrypt(token, SECURITY);

        assertTrue(encrypted.startsWith("{") && encrypted.endsWith("}"), encrypted);
        assertFalse(encrypted.contains(token));
        assertEquals(token, EncryptedSettings.decrypt(encrypted, SECURITY));
        assertNotEquals(encrypted, EncryptedSettings.encrypt(token, SECURITY), "salted, as mvn --encrypt-password");
    }

    @Test
    void writesOneServerWithTheSecretEncrypted(@TempDir Path dir) throws IOException {
        Path settings = dir.resolve("settings.xml");
        EncryptedSettings.writeServer(settings, "forge-encrypted", "cf-user", "the-token", SECURITY);

        String xml = Files.readString(settings);
        assertFalse(xml.contains("the-token"), xml);
        Matcher password = Pattern.compile("<id>forge-encrypted</id>\\s*<username>cf-user</username>\\s*"
                        + "<password>(\\{[^<]+})</password>")
                .matcher(xml);
        assertTrue(password.find(), xml);
        assertEquals("the-token", EncryptedSettings.decrypt(password.group(1), SECURITY));
    }
}
