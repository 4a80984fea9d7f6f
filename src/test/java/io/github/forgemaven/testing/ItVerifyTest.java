package io.github.forgemaven.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.testing.conformance.Conformance;
import io.github.forgemaven.testing.conformance.ConformanceCase;
import io.github.forgemaven.testing.conformance.ConformanceConfig;
import io.github.forgemaven.testing.conformance.RemoteServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link It#verify} in conformance mode, against the emulator as the real server: every case's build.log is
 * checked for the run's tokens, whatever the case's own checks, and what the case made is deleted either way.
 */
class ItVerifyTest {

    private static final String CASE = "cf-20261201141503-0a1b2c-some-case";

    @StandardEmulator
    private RegistryEmulator registry;

    @TempDir
    Path basedir;

    private ConformanceCase conformanceCase;
    private Map<String, Object> context;

    @BeforeEach
    void aConformanceCase() {
        ConformanceConfig config = ConformanceConfig.resolve(
                Map.of(
                        "conformance.url", registry.baseUrl(),
                        "conformance.owner", StandardFixture.ORG,
                        "conformance.username", StandardFixture.DEPLOYER,
                        "conformance.token", StandardFixture.RELEASE_TOKEN,
                        "conformance.readToken", StandardFixture.READ_TOKEN),
                Map.of());
        conformanceCase = new ConformanceCase(config, CASE, basedir.toFile(), Set.of());
        context = new HashMap<>();
        context.put(Conformance.CASE, conformanceCase);
        It.keep(context, "registry", new RemoteServer(config, CASE));
        registry.store(StandardFixture.ORG, CASE + "-app", "1.0", "app-1.0.jar", new byte[] {1});
    }

    @Test
    void aTokenOfTheRunInTheLogFailsACaseWhoseChecksPassSayingWhereNotWhat() throws IOException {
        String basic =
                Base64.getEncoder().encodeToString((":" + StandardFixture.READ_TOKEN).getBytes(StandardCharsets.UTF_8));
        log("[INFO] Uploaded app-1.0.jar\n[DEBUG] Authorization: Basic " + basic + "\n");

        AssertionError leak = assertThrows(AssertionError.class, () -> It.verify(context, server -> {}));

        assertTrue(
                leak.getMessage().startsWith("build.log line 2 shows the run's conformance.readToken"),
                leak.getMessage());
        assertFalse(leak.getMessage().contains(basic), leak.getMessage());
        assertFalse(leak.getMessage().contains(StandardFixture.READ_TOKEN), leak.getMessage());
        assertEquals(List.of(), registry.versions(StandardFixture.ORG, CASE + "-app"), "cleaned up all the same");
    }

    @Test
    void aLeakIsTheFailureReportedAndTheChecksOwnIsKeptWithIt() throws IOException {
        log("[DEBUG] token " + StandardFixture.RELEASE_TOKEN + "\n");

        AssertionError leak = assertThrows(
                AssertionError.class,
                () -> It.verify(context, server -> {
                    throw new AssertionError("not stored: app-1.0.jar");
                }));

        assertTrue(leak.getMessage().contains("shows the run's conformance.token"), leak.getMessage());
        assertEquals(List.of("not stored: app-1.0.jar"), List.of(leak.getSuppressed()[0].getMessage()));
    }

    @Test
    void aCleanLogPassesAndACheckFailsAsItWould() throws IOException {
        log("[INFO] Credentials: <server> 'forge' in settings.xml, user 'deployer', sent as HTTP Basic.\n");

        assertDoesNotThrow(() -> It.verify(context, server -> {}));
        assertEquals(List.of(), registry.versions(StandardFixture.ORG, CASE + "-app"));

        aConformanceCase();
        AssertionError failed = assertThrows(
                AssertionError.class,
                () -> It.verify(context, server -> {
                    throw new AssertionError("not stored: app-1.0.jar");
                }));
        assertEquals("not stored: app-1.0.jar", failed.getMessage());
    }

    private void log(String text) throws IOException {
        Files.writeString(basedir.resolve("build.log"), text);
    }
}
