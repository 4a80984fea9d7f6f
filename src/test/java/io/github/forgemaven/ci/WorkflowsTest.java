package io.github.forgemaven.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hosted CI workflows run what {@code .ci/run} runs, no more and no less, so that what passes
 * here passes there: every command of .ci/run is a {@code run:} step of each CI workflow and
 * the other way round ({@code .ci/maven-versions} counted per Maven version, and matrix values
 * expanded). The release workflow uses the release profile and this plugin's own goals.
 */
class WorkflowsTest {

    static final List<Path> CI_WORKFLOWS =
            List.of(Path.of(".github/workflows/ci.yml"), Path.of(".forgejo/workflows/ci.yml"));

    @Test
    void eachCiWorkflowRunsTheCommandsOfCiRun() throws Exception {
        Set<String> ciRun = normalized(ciRunCommands(Files.readString(Path.of(".ci/run"))));
        for (Path workflow : CI_WORKFLOWS) {
            Set<String> steps = normalized(runSteps(Files.readString(workflow)));
            assertEquals(new TreeSet<>(ciRun), new TreeSet<>(steps), workflow + " runs other commands than .ci/run");
        }
    }

    @Test
    void theTestsRunOnJdk17And21And25() throws Exception {
        for (Path workflow : CI_WORKFLOWS) {
            String yaml = Files.readString(workflow);
            assertTrue(yaml.contains("java: ['17', '21', '25']"), workflow + " has the JDK matrix 17, 21, 25");
            assertTrue(yaml.contains("cache: maven"), workflow + " caches the local repository");
        }
    }

    @Test
    void theReleaseWorkflowPublishesWithTheReleaseProfileAndThePluginsOwnGoals() throws Exception {
        String yaml = Files.readString(Path.of(".forgejo/workflows/release.yml"));
        for (String expected : List.of(
                "tags: ['v*']",
                "./mvnw -B -Prelease deploy",
                "MAVEN_GPG_KEY: ${{ secrets.MAVEN_GPG_KEY }}",
                "MAVEN_GPG_PASSPHRASE: ${{ secrets.MAVEN_GPG_PASSPHRASE }}",
                "io.github.forgemaven:forge-maven-plugin:${VERSION}:deploy-generic",
                "io.github.forgemaven:forge-maven-plugin:${VERSION}:release",
                "-Dforge.release.changelog=CHANGELOG.md")) {
            assertTrue(yaml.contains(expected), ".forgejo/workflows/release.yml lacks: " + expected);
        }
    }

    @Test
    void theComparisonSeesAMissingAndAnExtraCommand() {
        Set<String> ciRun = normalized(List.of("./mvnw -B verify", ".ci/maven-versions 3.6.3 4.0.0-rc-6"));
        Set<String> steps = normalized(runSteps("""
                    strategy:
                      matrix:
                        maven: ['3.6.3']
                    steps:
                      - run: .ci/maven-versions ${{ matrix.maven }}
                      - run: ./demo/run
                """));
        assertEquals(Set.of("./mvnw -B verify", ".ci/maven-versions 3.6.3", ".ci/maven-versions 4.0.0-rc-6"), ciRun);
        assertEquals(Set.of(".ci/maven-versions 3.6.3", "./demo/run"), steps);
    }

    /** The command lines of a shell script: not comments, not set-up (set, cd). */
    static List<String> ciRunCommands(String script) {
        return script.lines()
                .map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("set ") && !l.startsWith("cd "))
                .toList();
    }

    private static final Pattern RUN = Pattern.compile("^\\s*-?\\s*run: (.+)$");
    private static final Pattern MATRIX = Pattern.compile("^\\s*(\\w+): \\[(.+)\\]");

    /** The single-line {@code run:} steps, each {@code ${{ matrix.x }}} expanded to every value of x. */
    static List<String> runSteps(String yaml) {
        java.util.Map<String, List<String>> matrix = new java.util.HashMap<>();
        List<String> runs = new ArrayList<>();
        for (String line : yaml.lines().toList()) {
            Matcher m = MATRIX.matcher(line.replaceAll("\\s+#.*", ""));
            if (m.find()) {
                List<String> values = new ArrayList<>();
                for (String v : m.group(2).split(",")) {
                    values.add(v.trim().replace("'", ""));
                }
                matrix.put(m.group(1), values);
            }
            Matcher r = RUN.matcher(line);
            if (r.matches()) {
                String command = r.group(1).trim();
                Matcher var = Pattern.compile("\\$\\{\\{ matrix\\.(\\w+) }}").matcher(command);
                if (var.find()) {
                    for (String value : matrix.getOrDefault(var.group(1), List.of())) {
                        runs.add(command.replace(var.group(0), value));
                    }
                } else {
                    runs.add(command);
                }
            }
        }
        return runs;
    }

    /** {@code .ci/maven-versions a b} stands for one run per version. */
    static Set<String> normalized(List<String> commands) {
        Set<String> out = new LinkedHashSet<>();
        for (String c : commands) {
            if (c.startsWith(".ci/maven-versions ")) {
                for (String v : c.substring(".ci/maven-versions ".length()).split(" ")) {
                    out.add(".ci/maven-versions " + v);
                }
            } else {
                out.add(c);
            }
        }
        return out;
    }
}
