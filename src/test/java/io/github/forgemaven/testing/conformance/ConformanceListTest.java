package io.github.forgemaven.testing.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** src/it/conformance.txt classifies every IT, and the ITs it runs name their owner as the run gives it. */
class ConformanceListTest {

    private static final Path ITS = Path.of("src/it");

    private final Map<String, Conformance.Entry> entries = Conformance.parse(ITS.resolve("conformance.txt"));

    @Test
    void everyItHasALineAndEveryLineAnIt() throws IOException {
        Set<String> its = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(ITS)) {
            dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .forEach(d -> its.add(d.getFileName().toString()));
        }
        Set<String> unlisted = new TreeSet<>(its);
        unlisted.removeAll(entries.keySet());
        Set<String> gone = new TreeSet<>(entries.keySet());
        gone.removeAll(its);
        assertEquals(
                Set.of(), unlisted, "src/it/conformance.txt: add a line '<case> run' or '<case> skip <why>' for these");
        assertEquals(Set.of(), gone, "src/it/conformance.txt names ITs that do not exist");
    }

    @Test
    void aSkippedItSaysWhyAndTheRunSetCoversWhatTheIssueAsks() {
        entries.values().stream()
                .filter(e -> !e.runs())
                .forEach(e -> assertFalse(e.reason().isBlank(), e.caseName()));
        List<String> runs = entries.values().stream()
                .filter(Conformance.Entry::runs)
                .map(Conformance.Entry::caseName)
                .toList();
        for (String wanted : List.of(
                "existing-file",
                "skip-existing",
                "replace-existing",
                "snapshot-redeploy",
                "wrong-token",
                "token-without-write-package",
                "unknown-owner",
                "link-repository",
                "release-after-deploy",
                "release-rerun")) {
            assertTrue(runs.contains(wanted), wanted);
        }
    }

    @Test
    void theItsThatRunTakeTheOwnerFromTheRun() throws IOException {
        for (Conformance.Entry entry : entries.values()) {
            if (entry.runs()) {
                String pom = Files.readString(ITS.resolve(entry.caseName()).resolve("pom.xml"));
                assertFalse(pom.contains("<owner>acme</owner>"), entry.caseName() + ": <owner>${it.owner}</owner>");
                for (String script : List.of("setup.groovy", "verify.groovy")) {
                    Path file = ITS.resolve(entry.caseName()).resolve(script);
                    if (Files.exists(file)) {
                        // 'acme' only inside It.emulatorOnly / emulator() blocks, which conformance mode skips
                        for (String line : Files.readAllLines(file)) {
                            if (line.contains("'acme'")) {
                                assertTrue(
                                        line.contains("emulator"),
                                        entry.caseName() + "/" + script + " names 'acme' outside an emulator check: "
                                                + line);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * In conformance mode {@code ${it.environmentToken}} is the run's real token. Maven's -X output lists the
     * environment (maven-resources-plugin prints {@code env.*}), so an IT build that gets it there must never run
     * under -X, not even when the whole run is started with {@code -Dinvoker.debug=true}.
     */
    @Test
    void anItBuildWithTheTokenInItsEnvironmentNeverRunsUnderDebug() throws IOException {
        List<String> found = new java.util.ArrayList<>();
        try (Stream<Path> dirs = Files.list(ITS)) {
            for (Path properties : dirs.map(d -> d.resolve("invoker.properties"))
                    .filter(Files::isRegularFile)
                    .toList()) {
                List<String> lines = Files.readAllLines(properties);
                if (lines.stream().anyMatch(l -> !l.startsWith("#") && l.contains("${it.environmentToken}"))) {
                    found.add(properties.getParent().getFileName().toString());
                    assertTrue(
                            lines.stream().anyMatch(l -> l.strip().matches("invoker\\.debug\\s*=\\s*false")),
                            properties + ": FORGE_TOKEN from ${it.environmentToken} needs 'invoker.debug = false'");
                }
            }
        }
        assertEquals(List.of("credentials-environment"), found, "the ITs that get the token in their environment");
    }
}
