package io.github.forgemaven.testing.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The conformance settings: a -D property wins over the environment, and a missing one says both names. */
class ConformanceConfigTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "CONFORMANCE_URL", "https://env.example/",
            "CONFORMANCE_OWNER", "env-owner",
            "CONFORMANCE_USERNAME", "env-user",
            "CONFORMANCE_TOKEN", "env-token-0123456789abcdef");

    @Test
    void theEnvironmentAloneIsEnough() {
        ConformanceConfig config = ConformanceConfig.resolve(Map.of(), ENVIRONMENT);

        assertEquals("https://env.example", config.url(), "without the trailing slash");
        assertEquals("env-owner", config.owner());
        assertEquals("env-user", config.username());
        assertEquals("env-token-0123456789abcdef", config.token());
        assertEquals(Optional.empty(), config.readToken());
        assertEquals(Optional.empty(), config.foreignOwner());
        assertEquals(Optional.empty(), config.repository());
        assertEquals(Optional.empty(), config.packageToken());
        assertEquals(Optional.empty(), config.optional(ConformanceConfig.Setting.PACKAGE_TOKEN));
    }

    @Test
    void theTokensAreEveryTokenSettingTheRunHas() {
        Map<String, String> environment = new HashMap<>(ENVIRONMENT);
        for (ConformanceConfig.Setting setting : ConformanceConfig.Setting.values()) {
            environment.putIfAbsent(setting.environmentVariable(), "value-of-" + setting.name());
        }

        Map<ConformanceConfig.Setting, String> tokens =
                ConformanceConfig.resolve(Map.of(), environment).tokens();

        assertEquals(
                Arrays.stream(ConformanceConfig.Setting.values())
                        .filter(s -> s.name().endsWith("TOKEN"))
                        .toList(),
                List.copyOf(tokens.keySet()),
                "a new token setting must be in tokens(), which It.verify checks every case's build.log for");
        tokens.forEach((setting, value) ->
                assertEquals(environment.get(setting.environmentVariable()), value, setting.name()));
        assertEquals(
                List.of(ConformanceConfig.Setting.TOKEN),
                List.copyOf(ConformanceConfig.resolve(Map.of(), ENVIRONMENT)
                        .tokens()
                        .keySet()),
                "only the tokens the run has");
    }

    @Test
    void aPropertyWinsOverTheEnvironment() {
        Map<String, String> environment = new HashMap<>(ENVIRONMENT);
        environment.put("CONFORMANCE_REPOSITORY", "env-repo");
        environment.put("CONFORMANCE_READ_TOKEN", "env-read");
        environment.put("CONFORMANCE_PACKAGE_TOKEN", "env-package");
        ConformanceConfig config = ConformanceConfig.resolve(
                Map.of(
                        "conformance.url", "http://127.0.0.1:3000",
                        "conformance.token", "property-token",
                        "conformance.repository", "property-repo",
                        "conformance.packageToken", "property-package",
                        "conformance.owner", "  "),
                environment);

        assertEquals("http://127.0.0.1:3000", config.url());
        assertEquals("property-token", config.token());
        assertEquals(Optional.of("property-repo"), config.repository());
        assertEquals(Optional.of("env-read"), config.readToken(), "the environment fills what no property sets");
        assertEquals(Optional.of("property-package"), config.packageToken());
        assertEquals(Optional.of("property-package"), config.optional(ConformanceConfig.Setting.PACKAGE_TOKEN));
        assertEquals("env-owner", config.owner(), "a blank property counts as unset");
    }

    @Test
    void everyMissingRequiredValueIsNamedByItsPropertyAndItsEnvironmentVariable() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> ConformanceConfig.resolve(Map.of("conformance.url", "https://x.example"), Map.of()));

        for (String name : new String[] {
            "conformance.owner", "CONFORMANCE_OWNER",
            "conformance.username", "CONFORMANCE_USERNAME",
            "conformance.token", "CONFORMANCE_TOKEN"
        }) {
            assertTrue(e.getMessage().contains(name), name + " in: " + e.getMessage());
        }
        assertTrue(
                e.getMessage().contains("-Dconformance.token=... or set the environment variable CONFORMANCE_TOKEN"));
        assertFalse(e.getMessage().contains("CONFORMANCE_URL"), "the URL is set: " + e.getMessage());
        assertFalse(e.getMessage().contains("READ_TOKEN"), "optional values are not required: " + e.getMessage());
        assertFalse(e.getMessage().contains("PACKAGE_TOKEN"), "optional values are not required: " + e.getMessage());
    }

    @Test
    void aUrlThatIsNotHttpIsRefused() {
        Map<String, String> environment = new HashMap<>(ENVIRONMENT);
        environment.put("CONFORMANCE_URL", "codeberg.org");

        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> ConformanceConfig.resolve(Map.of(), environment));

        assertTrue(e.getMessage().startsWith("conformance.url (CONFORMANCE_URL) 'codeberg.org' is not an http(s) URL"));
    }

    @Test
    void toStringShowsNoToken() {
        Map<String, String> environment = new HashMap<>(ENVIRONMENT);
        environment.put("CONFORMANCE_READ_TOKEN", "env-read-token-secret");
        environment.put("CONFORMANCE_PACKAGE_TOKEN", "env-package-token-secret");
        String text = ConformanceConfig.resolve(Map.of(), environment).toString();

        assertFalse(text.contains("env-token-0123456789abcdef"), text);
        assertFalse(text.contains("env-read-token-secret"), text);
        assertFalse(text.contains("env-package-token-secret"), text);
        assertTrue(text.contains("with a package-only token"), text);
        assertTrue(text.contains("https://env.example") && text.contains("env-owner"), text);
    }
}
