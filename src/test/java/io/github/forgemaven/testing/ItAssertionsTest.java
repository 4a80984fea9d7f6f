package io.github.forgemaven.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.testing.forge.release.GitRepository;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The IT checks: a leak in every form a client sends a secret in, and what the server holds. */
class ItAssertionsTest {

    private static final String TOKEN = StandardFixture.WRITE_TOKEN;

    @TempDir
    Path basedir;

    @StandardEmulator
    private RegistryEmulator registry;

    @ParameterizedTest
    @ValueSource(strings = {"deployer:", "", ":"})
    void everyBase64FormOfTheSecretIsALeak(String around) throws IOException {
        String plain = around.equals(":") ? ":" + TOKEN : around.equals("") ? TOKEN : around + TOKEN;
        log("[DEBUG] Authorization: Basic " + b64(plain));

        assertThrows(AssertionError.class, () -> ItAssertions.assertNoSecretIn(dir(), "deployer", TOKEN));
    }

    @Test
    void theHeaderOfATokenOnlyServerIsALeak() throws IOException {
        // <server> with only a password: the token goes as the user name, with an empty password
        log("[DEBUG] Authorization: Basic " + b64(TOKEN + ":"));

        assertThrows(AssertionError.class, () -> ItAssertions.assertNoSecretIn(dir(), "deployer", TOKEN));
    }

    @Test
    void aCredentialTheEmulatorWasSentIsALeakInAnyForm() throws Exception {
        String header = "Bearer " + new StringBuilder(TOKEN).reverse();
        put(header);
        log("[DEBUG] sent " + new StringBuilder(TOKEN).reverse());

        assertDoesNotThrow(() -> ItAssertions.assertNoSecretIn(dir(), "deployer", TOKEN), "a form not foreseen");
        assertThrows(AssertionError.class, () -> ItAssertions.assertNoSecretIn(dir(), registry, "deployer", TOKEN));
    }

    @Test
    void aCleanLogPasses() throws Exception {
        put("Basic " + b64("deployer:" + TOKEN));
        log("[INFO] Uploaded app-1.0.jar (1 KiB) for user deployer");

        assertDoesNotThrow(() -> ItAssertions.assertNoSecretIn(dir(), registry, "deployer", TOKEN));
    }

    @Test
    void aLeakIsReportedByLineAndFormNeverByWhatLeaked() throws Exception {
        String basic = b64("deployer:" + TOKEN);
        Files.writeString(
                basedir.resolve("build.log"), "[INFO] one\n[INFO] two\n[DEBUG] Authorization: Basic " + basic + "\n");
        put("Basic " + basic);

        AssertionError forms =
                assertThrows(AssertionError.class, () -> ItAssertions.assertNoSecretIn(dir(), "deployer", TOKEN));
        AssertionError sent = assertThrows(
                AssertionError.class, () -> ItAssertions.assertNoSecretIn(dir(), registry, "deployer", TOKEN));

        for (AssertionError failure : java.util.List.of(forms, sent)) {
            String message = failure.getMessage();
            assertTrue(message.contains("build.log line 3 "), message);
            assertFalse(
                    message.contains(TOKEN) || message.contains(basic), "the message pastes the secret: " + message);
        }
        assertTrue(forms.getMessage().contains("in Base64 as user:secret (HTTP Basic)"), forms.getMessage());
    }

    @Test
    void aFragmentTheLogMustLackIsReportedByLineWithoutTheRestOfTheLog() throws IOException {
        Files.writeString(
                basedir.resolve("build.log"), "[DEBUG] token " + TOKEN + "\n[WARNING] -Dforge.url is ignored\n");

        AssertionError failure =
                assertThrows(AssertionError.class, () -> ItAssertions.assertLogLacks(dir(), "nothing", "-Dforge.url"));
        AssertionError noLine = assertThrows(
                AssertionError.class, () -> ItAssertions.assertLogHasLine(dir(), "^\\[INFO\\] File +Size$"));

        assertTrue(
                failure.getMessage().startsWith("build.log line 2 shows what it must not: -Dforge.url"),
                failure.getMessage());
        assertFalse(failure.getMessage().contains(TOKEN), failure.getMessage());
        assertFalse(noLine.getMessage().contains(TOKEN), noLine.getMessage());
        AssertionError matched = assertThrows(
                AssertionError.class, () -> ItAssertions.assertLogHasNoLine(dir(), "-Dforge\\.(url|owner)"));
        assertTrue(matched.getMessage().startsWith("build.log line 2 matches "), matched.getMessage());
        assertFalse(matched.getMessage().contains(TOKEN), matched.getMessage());
        assertDoesNotThrow(() -> ItAssertions.assertLogHasNoLine(dir(), "-Dforge\\.owner"));
        assertDoesNotThrow(() -> ItAssertions.assertLogLacks(dir(), "nothing", "-Dforge.owner"));
        assertDoesNotThrow(() -> ItAssertions.assertLogHasLine(dir(), "^\\[WARNING\\] -Dforge\\.url is ignored$"));
    }

    @Test
    void fileNamesAreTheStoredNamesInAnyOrderNoMoreNoLess() {
        registry.store("acme", "app", "1.0", "app-1.0.jar", new byte[] {1});
        registry.store("acme", "app", "1.0", "CHANGELOG.md", new byte[] {2});

        assertDoesNotThrow(
                () -> ItAssertions.assertFileNames(registry, "acme", "app", "1.0", "app-1.0.jar", "CHANGELOG.md"));
        assertThrows(
                AssertionError.class,
                () -> ItAssertions.assertFileNames(registry, "acme", "app", "1.0", "app-1.0.jar"),
                "a file more");
        assertThrows(
                AssertionError.class,
                () -> ItAssertions.assertFileNames(
                        registry, "acme", "app", "1.0", "app-1.0.jar", "CHANGELOG.md", "app-1.0.pom"),
                "a file less");
        assertThrows(
                AssertionError.class,
                () -> ItAssertions.assertFileNames(registry, "acme", "app", "1.0", "APP-1.0.JAR", "CHANGELOG.md"),
                "the name as stored");
    }

    @Test
    void noVersionFailsForAnyNamedPackageThatHasIt() {
        registry.store("acme", "core", "4.0", "core-4.0.jar", new byte[] {1});

        assertDoesNotThrow(() -> ItAssertions.assertNoVersion(registry, "acme", "4.0", "cli", "parent"));
        assertDoesNotThrow(() -> ItAssertions.assertNoVersion(registry, "acme", "3.0", "core"), "another version");
        AssertionError found = assertThrows(
                AssertionError.class, () -> ItAssertions.assertNoVersion(registry, "acme", "4.0", "cli", "core"));
        assertTrue(found.getMessage().contains("acme/core/4.0")
                && found.getMessage().contains("core-4.0.jar"));
    }

    @Test
    void noReleaseFailsForAReleaseADraftOrATagAlone() {
        GitRepository repository = registry.repository("acme", "app").addCommit("main", It.RELEASE_COMMIT);

        assertDoesNotThrow(() -> ItAssertions.assertNoRelease(registry, "acme", "app", "v1.0"));
        repository.pushTag("v1.0", It.RELEASE_COMMIT);
        assertThrows(AssertionError.class, () -> ItAssertions.assertNoRelease(registry, "acme", "app", "v1.0"));
        repository.addRelease("v2.0", "v2.0", true, false);
        assertThrows(AssertionError.class, () -> ItAssertions.assertNoRelease(registry, "acme", "app", "v2.0"));
        assertDoesNotThrow(() -> ItAssertions.assertNoRelease(registry, "acme", "app", "v3.0"));
    }

    private void put(String authorization) throws Exception {
        HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(registry.baseUrl() + "/api/packages/acme/generic/a/1/a"))
                                .header("Authorization", authorization)
                                .PUT(HttpRequest.BodyPublishers.ofString("x"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
    }

    private void log(String line) throws IOException {
        Files.writeString(basedir.resolve("build.log"), line + "\n");
    }

    private File dir() {
        return basedir.toFile();
    }

    private static String b64(String plain) {
        return Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
