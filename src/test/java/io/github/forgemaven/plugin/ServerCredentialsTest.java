package io.github.forgemaven.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.registry.http.Credentials;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
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

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

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
        Credentials c = credentials.of(settings, "forge", Map.of());
        assertEquals("deployer", c.username());
        assertEquals(basic("deployer:plain-token-0123"), c.authorization());
        assertEquals("<server> 'forge' in settings.xml", c.source());
        assertFalse(c.toString().contains("plain-token-0123"), c.toString());
    }

    @Test
    void decryptsAnEncryptedPassword() throws Exception {
        assertEquals(
                basic("deployer:deployer-Pa55word"),
                credentials.of(settings, "encrypted", Map.of()).authorization());
    }

    @Test
    void aMissingServerNamesTheIdAndTheFix() {
        MojoFailureException e =
                assertThrows(MojoFailureException.class, () -> credentials.of(settings, "codeberg", Map.of()));
        assertTrue(
                e.getMessage()
                        .startsWith("There is no <server> 'codeberg' in settings.xml, and FORGE_TOKEN is not set."),
                e.getMessage());
        assertTrue(e.getMessage().contains("<id>codeberg</id>"), e.getMessage());
        assertTrue(e.getMessage().contains("write:package"), e.getMessage());
        assertTrue(e.getMessage().contains("FORGE_USERNAME and FORGE_TOKEN"), e.getMessage());
    }

    @Test
    void aMissingPasswordIsNamed() {
        MojoFailureException noPassword =
                assertThrows(MojoFailureException.class, () -> credentials.of(settings, "no-password", Map.of()));
        assertTrue(
                noPassword
                        .getMessage()
                        .startsWith("<server> 'no-password' in settings.xml has a <username> but no <password>"),
                noPassword.getMessage());
    }

    @Test
    void aPasswordWithoutUsernameIsSentAsAToken() throws Exception {
        Credentials c = credentials.of(settings, "token-only", Map.of());
        assertEquals(basic("only-a-token-0123:"), c.authorization());
        assertEquals(null, c.username());
        assertEquals("a token", c.who());
    }

    @Test
    void anAuthorizationHeaderInHttpHeadersIsUsedAsItIs() throws Exception {
        Credentials c = credentials.of(settings, "http-headers", Map.of());
        assertEquals("token header-token-0123", c.authorization());
        assertEquals("<server> 'http-headers' in settings.xml", c.source());
        assertFalse(c.toString().contains("header-token-0123"), c.toString());
    }

    @Test
    void anEncryptedAuthorizationHeaderIsDecrypted() throws Exception {
        assertEquals(
                basic("deployer:deployer-Pa55word"),
                credentials.of(settings, "encrypted-header", Map.of()).authorization());
    }

    @Test
    void withoutAServerTheEnvironmentVariablesAreUsed() throws Exception {
        Credentials both = credentials.of(settings, "ci", Map.of("FORGE_USERNAME", "bot", "FORGE_TOKEN", "env-token"));
        assertEquals(basic("bot:env-token"), both.authorization());
        assertEquals("the environment variables FORGE_USERNAME and FORGE_TOKEN", both.source());
        Credentials tokenOnly = credentials.of(settings, "ci", Map.of("FORGE_TOKEN", "env-token"));
        assertEquals(basic("env-token:"), tokenOnly.authorization());
        assertEquals("the environment variable FORGE_TOKEN", tokenOnly.source());
        // A refusal's hint sends the user to the variables, not to a <server> there is none of.
        assertEquals(
                new Credentials.Places(
                        "FORGE_TOKEN",
                        "set FORGE_USERNAME to your user name",
                        "without FORGE_USERNAME, FORGE_TOKEN is sent as a token"),
                tokenOnly.places());
        assertEquals(tokenOnly.places(), both.places());
    }

    @Test
    void aServerWinsOverTheEnvironment() throws Exception {
        Credentials c = credentials.of(settings, "forge", Map.of("FORGE_USERNAME", "bot", "FORGE_TOKEN", "env-token"));
        assertEquals("<server> 'forge' in settings.xml", c.source());
    }

    @Test
    void anUndecryptablePasswordFailsWithoutPrintingIt() {
        MojoFailureException e =
                assertThrows(MojoFailureException.class, () -> credentials.of(settings, "broken-encryption", Map.of()));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "The password of <server> 'broken-encryption' in settings.xml could not be decrypted"),
                e.getMessage());
        assertFalse(e.getMessage().contains("notReallyEncrypted"), e.getMessage());
    }
}
