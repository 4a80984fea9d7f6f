package io.github.forgemaven.testing.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.registry.plan.NamingRules;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each conformance run names what it creates after the time and a random part, per case. */
class RunNamesTest {

    @Test
    void theRunPrefixIsTheUtcTimeAndSixHexDigits() {
        RunNames names = RunNames.newRun(Instant.parse("2026-12-01T14:15:03.789Z"), new Random(7));

        assertTrue(names.run().matches("cf-20261201141503-[0-9a-f]{6}"), names.run());
    }

    @Test
    void runsStartedInTheSameSecondGetDifferentPrefixes() {
        Instant now = Instant.parse("2026-12-01T14:15:03Z");
        SecureRandom random = new SecureRandom();
        Set<String> prefixes = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            prefixes.add(RunNames.newRun(now, random).run());
        }
        assertEquals(50, prefixes.size(), "random bits tell runs of the same second apart: " + prefixes);
    }

    @Test
    void aCaseNameHasTheRunThenTheCaseThenItsOwnName() {
        RunNames names = new RunNames("cf-20261201141503-0a1b2c");

        assertEquals("cf-20261201141503-0a1b2c-existing-file", names.of("existing-file"));
        assertEquals("cf-20261201141503-0a1b2c-existing-file-app", names.of("existing-file", "app"));
        assertNotEquals(names.of("skip-existing", "app"), names.of("existing-file", "app"));
    }

    @Test
    void theNamesAreValidPackageNamesAndOwnersForTheServers() {
        RunNames names = RunNames.newRun(Instant.now(), new SecureRandom());
        String name = names.of("jar-with-sources-javadoc-classifier", "app");

        assertEquals(Optional.empty(), NamingRules.checkPackageName(name));
        assertEquals(Optional.empty(), NamingRules.checkOwner(names.of("unknown-owner", "no-such-org")));
    }

    @Test
    void onlyItDirectoryNamesMakeCaseNames() {
        RunNames names = new RunNames("cf-20261201141503-0a1b2c");

        assertThrows(IllegalArgumentException.class, () -> names.of("../etc"));
        assertThrows(IllegalArgumentException.class, () -> new RunNames("acme"));
    }
}
