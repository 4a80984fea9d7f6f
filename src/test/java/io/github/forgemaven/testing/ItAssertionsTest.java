package io.github.forgemaven.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

/** The IT checks must see a leak in every form a client sends a secret in. */
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
