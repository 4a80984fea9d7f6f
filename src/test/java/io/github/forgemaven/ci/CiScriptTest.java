package io.github.forgemaven.ci;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * CI runs the ITs on the oldest Maven the POM promises, so that promise is tested, not assumed, and runs the
 * conformance mode against the emulator as a separate process, so that the mode itself is proven.
 */
class CiScriptTest {

    @Test
    void ciRunsTheConformanceModeAfterTheMainVerify() throws Exception {
        List<String> lines = Files.readAllLines(Path.of(".ci/run"));
        int verify = lines.indexOf("./mvnw -B verify");
        int conformance = lines.indexOf(".ci/conformance");
        assertTrue(verify >= 0, ".ci/run runs ./mvnw -B verify");
        assertTrue(
                conformance > verify, ".ci/run must run .ci/conformance (on a line of its own) after ./mvnw -B verify");
        String script = Files.readString(Path.of(".ci/conformance"));
        assertTrue(script.contains("./mvnw -B verify -Pconformance"), ".ci/conformance runs the conformance profile");
        assertTrue(
                script.contains("io.github.forgemaven.testing.conformance.EmulatorServer"),
                ".ci/conformance starts the emulator as a separate process");
        assertTrue(Files.isExecutable(Path.of(".ci/conformance")), ".ci/conformance is executable");
    }

    @Test
    void ciRunsTheItsOnTheMavenFloorOfThePom() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher floor =
                Pattern.compile("<prerequisites>\\s*<maven>([^<]+)</maven>").matcher(pom);
        assertTrue(floor.find(), "pom.xml declares <prerequisites><maven>");
        String run = Files.readString(Path.of(".ci/run"));
        Matcher versions = Pattern.compile("(?m)^\\.ci/maven-versions((?: [0-9][^ \\n]*)+)")
                .matcher(run);
        assertTrue(versions.find(), ".ci/run runs .ci/maven-versions with explicit versions:\n" + run);
        assertTrue(
                (versions.group(1) + " ").contains(" " + floor.group(1) + " "),
                ".ci/run must run the ITs on Maven " + floor.group(1) + ", the POM's <prerequisites>: "
                        + versions.group(0));
    }
}
