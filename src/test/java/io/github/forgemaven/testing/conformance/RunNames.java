package io.github.forgemaven.testing.conformance;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The names a conformance run gives what it creates: {@code cf-<UTC time>-<random>} for the run, then the
 * case and the IT's own name, e.g. {@code cf-20261201141503-9c2e4a-existing-file-app}. Another run, by
 * anyone, gets another prefix, and cleanup deletes exactly what starts with a case's prefix.
 *
 * @param run the run's prefix
 */
public record RunNames(String run) {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    public RunNames {
        if (!run.matches("cf-[0-9]{14}-[0-9a-f]{6}")) {
            throw new IllegalArgumentException("not a run prefix: " + run);
        }
    }

    /** A new run's names, from the time and 24 random bits. */
    public static RunNames newRun(Instant now, RandomGenerator random) {
        byte[] bits = new byte[3];
        random.nextBytes(bits);
        return new RunNames("cf-" + TIME.format(now) + "-" + HexFormat.of().formatHex(bits));
    }

    /** The prefix of everything a case creates. */
    public String of(String caseName) {
        if (!caseName.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("not an IT name: " + caseName);
        }
        return run + "-" + caseName;
    }

    /** A name a case creates: a package, a tag or an owner that must not exist. */
    public String of(String caseName, String base) {
        return of(caseName) + "-" + base;
    }
}
