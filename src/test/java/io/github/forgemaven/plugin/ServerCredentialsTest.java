package io.github.forgemaven.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.registry.Credentials;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.io.xpp3.SettingsXpp3Reader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/** Reads real settings.xml and settings-security.xml fixtures, as Maven would. */
class ServerCredentialsTest {

    private static Settings settings;
    private static ServerCredentials credentials;

    @BeforeAll
    static void readFixtures() throws Exception {
        try (InputStream in = ServerCredentialsTest.class.getResourceAsStream("/settings/settings.xml")) {
            settings = new SettingsXpp3Reader().read(in);
        }
        Path security = Path.of(ServerCredentialsTest.class
                .getResource("/settings/settings-security.xml")
                .toURI());
        DefaultSecDispatcher dispatcher =
                new DefaultSecDispatcher(new DefaultPlexusCipher(), Map.of(), security.toString());
        credentials = new ServerCredentials(new DefaultSettingsDecrypter(dispatcher));
    }

    @Test
    void readsAPlainServer() throws Exception {
        Credentials c = credentials.of(settings, "forge");
        assertEquals("deployer", c.username());
        assertEquals("plain-token-0123", c.secret());
        assertEquals("<server> 'forge' in settings.xml", c.source());
        assertFalse(c.toString().contains("plain-token-0123"), c.toString());
    }

    @Test
    void decryptsAnEncryptedPassword() throws Exception {
        assertEquals("deployer-Pa55word", credentials.of(settings, "encrypted").secret());
    }

    @Test
    void aMissingServerNamesTheIdAndTheFix() {
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> credentials.of(settings, "codeberg"));
        assertTrue(e.getMessage().startsWith("There is no <server> 'codeberg' in settings.xml."), e.getMessage());
        assertTrue(e.getMessage().contains("<id>codeberg</id>"), e.getMessage());
        assertTrue(e.getMessage().contains("write:package"), e.getMessage());
    }

    @Test
    void aMissingUsernameOrPasswordIsNamed() {
        MojoFailureException noUser =
                assertThrows(MojoFailureException.class, () -> credentials.of(settings, "no-username"));
        assertTrue(
                noUser.getMessage().startsWith("<server> 'no-username' in settings.xml has no <username>"),
                noUser.getMessage());
        assertFalse(noUser.getMessage().contains("plain-token-0123"));
        MojoFailureException noPassword =
                assertThrows(MojoFailureException.class, () -> credentials.of(settings, "no-password"));
        assertTrue(
                noPassword.getMessage().startsWith("<server> 'no-password' in settings.xml has no <password>"),
                noPassword.getMessage());
    }

    @Test
    void anUndecryptablePasswordFailsWithoutPrintingIt() {
        MojoFailureException e =
                assertThrows(MojoFailureException.class, () -> credentials.of(settings, "broken-encryption"));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "The password of <server> 'broken-encryption' in settings.xml could not be decrypted"),
                e.getMessage());
        assertFalse(e.getMessage().contains("notReallyEncrypted"), e.getMessage());
    }
}
