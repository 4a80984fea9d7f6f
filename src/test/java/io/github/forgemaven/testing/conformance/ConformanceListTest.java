package io.github.forgemaven.testing.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** src/it/conformance.txt classifies every IT, and the ITs it runs name their owner as the run gives it. */
class ConformanceListTest {

    private static final Path ITS = Path.of("src/it");
    /** A property with "token" in its name, as invoker.properties may give it to a build's environment. */
    private static final Pattern TOKEN_PROPERTY = Pattern.compile("(?i)(\\$\\{|@)[\\w.-]*token[\\w.-]*(}|@)");
    /** What turns debug output on, on a command line or in .mvn/maven.config or jvm.config. */
    private static final Pattern DEBUG = Pattern.compile(
            "(?i)(^|\\s)(-X|--debug|-D(org\\.slf4j\\.simpleLogger|maven\\.logger)\\.\\S*=(debug|trace))(\\s|$)");

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
    void theReadmeCountsWhatConformanceTxtRunsAndSkips() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        long runs = entries.values().stream().filter(Conformance.Entry::runs).count();
        String expected = "`src/it/conformance.txt`, " + runs + " of the " + entries.size() + " ITs:";
        assertTrue(readme.contains(expected), "README, Testing against a real server: expected '" + expected + "'");
        String skipped = "The other " + (entries.size() - runs) + " are skipped";
        assertTrue(readme.contains(skipped), "README, Testing against a real server: expected '" + skipped + "'");
        String passed = "Passed: " + runs + ", Failed: 0, Errors: 0, Skipped: " + (entries.size() - runs);
        assertTrue(readme.contains(passed), "README, Testing against a real server: expected '" + passed + "'");
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
     * A failed Groovy assert prints the values of the variables in its expression, with a message or without
     * ("Values: log = ..."), and without a message every value it computed: over a variable holding the build log,
     * or over the log read in place, it pastes the whole log (the run's token, if that is what failed) into the
     * failure the invoker prints. The conformance cases check the log through ItAssertions, whose failures name the
     * line instead.
     */
    @Test
    void theItsThatRunNeverAssertOverTheLogText() throws IOException {
        Pattern logVariable = Pattern.compile("^\\s*def\\s+(\\w+)\\s*=.*('build\\.log'|pluginSection\\()");
        List<String> problems = new ArrayList<>();
        for (Conformance.Entry entry : entries.values()) {
            Path script = ITS.resolve(entry.caseName()).resolve("verify.groovy");
            if (!entry.runs() || !Files.exists(script)) {
                continue;
            }
            List<String> variables = new ArrayList<>();
            for (String line : Files.readAllLines(script)) {
                java.util.regex.Matcher assigned = logVariable.matcher(line);
                // a variable holding the log's text or all its lines; one of lines picked out (findAll) is not that
                if (assigned.find() && !line.contains("findAll")) {
                    variables.add(assigned.group(1));
                }
                String code = line.strip();
                boolean overTheLog = code.startsWith("assert ")
                        && (code.contains("'build.log'")
                                || variables.stream()
                                        .anyMatch(v -> Pattern.compile("\\b" + v + "\\b")
                                                .matcher(code.substring(7))
                                                .find()));
                if (overTheLog) {
                    problems.add(entry.caseName() + "/verify.groovy: " + code);
                }
            }
        }
        assertEquals(
                List.of(),
                problems,
                "use ItAssertions.assertLogContains / assertLogLacks / assertLogHasLine / assertLogHasNoLine");
    }

    /**
     * In conformance mode {@code ${it.environmentToken}} is the run's real token. Maven's -X output lists the
     * environment (maven-resources-plugin prints {@code env.*}), so an IT build that gets a token there (any
     * {@code ${...token...}} or {@code @...token@} in its invoker.properties) must never run under debug: not with
     * {@code invoker.debug} (not even when the whole run is started with {@code -Dinvoker.debug=true}, hence
     * {@code invoker.debug = false}), nor with {@code -X}, {@code --debug} or a debug log level in its goals, its
     * MAVEN_OPTS or its {@code .mvn/maven.config} or {@code .mvn/jvm.config}.
     */
    @Test
    void anItBuildWithTheTokenInItsEnvironmentNeverRunsUnderDebug() throws IOException {
        List<String> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(ITS)) {
            for (Path it : dirs.filter(Files::isDirectory).sorted().toList()) {
                if (getsATokenInItsEnvironment(it)) {
                    found.add(it.getFileName().toString());
                }
                problems.addAll(debugWithATokenInTheEnvironment(it));
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(List.of("credentials-environment"), found, "the ITs that get the token in their environment");
    }

    /** The check above sees each way an IT build could get a token in its environment and run under debug. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "FORGE_TOKEN = ${it.environmentToken}\\ninvoker.debug = false||",
                "FORGE_TOKEN = ${it.environmentToken}||needs 'invoker.debug = false'",
                "FORGE_TOKEN = ${conformance.token}\\ninvoker.debug = true||invoker.debug = true",
                "T = @conformance.readToken@\\ninvoker.debug = false\\ninvoker.debug.2 = true||invoker.debug.2 = true",
                "T = ${env.CONFORMANCE_PACKAGE_TOKEN}\\ninvoker.debug = false\\ninvoker.goals = deploy -X||deploy -X",
                "FORGE_TOKEN = ${it.environmentToken}\\ninvoker.debug = false\\ninvoker.goals.1 = --debug deploy"
                        + "||--debug deploy",
                "FORGE_TOKEN = ${it.environmentToken}\\ninvoker.debug = false"
                        + "\\ninvoker.goals = deploy -Dorg.slf4j.simpleLogger.defaultLogLevel=debug||defaultLogLevel=debug",
                "FORGE_TOKEN = ${it.environmentToken}\\ninvoker.debug = false"
                        + "\\ninvoker.mavenOpts = -Dorg.slf4j.simpleLogger.log.io.github=trace||io.github=trace",
                "FORGE_TOKEN = ${it.environmentToken}\\ninvoker.debug = false|-X|.mvn/maven.config",
                "FORGE_TOKEN = ${it.environmentToken}\\ninvoker.debug = false|-B\\n--debug|.mvn/maven.config",
                "FORGE_TOKEN = ${it.environmentToken}\\ninvoker.debug = false"
                        + "|-Dmaven.logger.defaultLogLevel=DEBUG|.mvn/maven.config",
            })
    void eachWayOfRunningUnderDebugWithATokenIsFound(
            String properties, String mavenConfig, String problem, @TempDir Path it) throws IOException {
        Files.writeString(
                it.resolve("invoker.properties"), "invoker.environmentVariables." + properties.replace("\\n", "\n"));
        if (mavenConfig != null) {
            Files.createDirectories(it.resolve(".mvn"));
            Files.writeString(it.resolve(".mvn/maven.config"), mavenConfig.replace("\\n", "\n"));
        }

        List<String> problems = debugWithATokenInTheEnvironment(it);

        assertTrue(getsATokenInItsEnvironment(it), properties);
        if (problem == null) {
            assertEquals(List.of(), problems);
        } else {
            assertTrue(problems.stream().anyMatch(p -> p.contains(problem)), problem + " not in " + problems);
        }
    }

    /** What the same checks say of an IT without a token in its environment: nothing, debug or not. */
    @Test
    void anItWithoutATokenInItsEnvironmentMayRunUnderDebug(@TempDir Path it) throws IOException {
        Files.writeString(it.resolve("invoker.properties"), "invoker.debug = true\ninvoker.goals = deploy -X\n");

        assertFalse(getsATokenInItsEnvironment(it));
        assertEquals(List.of(), debugWithATokenInTheEnvironment(it));
    }

    private static boolean getsATokenInItsEnvironment(Path it) throws IOException {
        return properties(it).stream()
                .anyMatch(l -> l.startsWith("invoker.environmentVariables.")
                        && TOKEN_PROPERTY.matcher(l).find());
    }

    /** Why this IT, if it gets a token in its environment, may run under debug; empty if it never does. */
    private static List<String> debugWithATokenInTheEnvironment(Path it) throws IOException {
        if (!getsATokenInItsEnvironment(it)) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        String name = it.getFileName().toString();
        List<String> lines = properties(it);
        if (lines.stream().noneMatch(l -> l.matches("invoker\\.debug\\s*=\\s*false"))) {
            problems.add(name + "/invoker.properties: a token in the environment needs 'invoker.debug = false'");
        }
        for (String line : lines) {
            if (line.matches("invoker\\.debug(\\.\\d+)?\\s*=\\s*+(?!false\\s*$).*")
                    || (line.matches("invoker\\.(goals|mavenOpts|cliOptions)(\\.\\d+)?\\s*=.*")
                            && DEBUG.matcher(line.substring(line.indexOf('=') + 1))
                                    .find())) {
                problems.add(name + "/invoker.properties runs under debug with a token in the environment: " + line);
            }
        }
        for (String config : List.of(".mvn/maven.config", ".mvn/jvm.config")) {
            Path file = it.resolve(config);
            if (Files.isRegularFile(file)) {
                for (String line : Files.readAllLines(file)) {
                    if (DEBUG.matcher(line).find()) {
                        problems.add(
                                name + "/" + config + " runs under debug with a token in the environment: " + line);
                    }
                }
            }
        }
        return problems;
    }

    private static List<String> properties(Path it) throws IOException {
        Path file = it.resolve("invoker.properties");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream()
                .map(String::strip)
                .filter(l -> !l.startsWith("#"))
                .toList();
    }

    /**
     * The conformance profile keeps the run's secrets out of the IT builds' environment (which one under -X
     * lists): every token variable of the run, and the plugin's own FORGE_TOKEN and FORGE_USERNAME, which whoever
     * uses the plugin against the same server likely has in the shell; and it does not copy a failed case's
     * build.log to the console, since the log a no-secret check failed on holds the secret.
     */
    @Test
    void theConformanceProfileMasksTheTokenVariablesAndKeepsFailedLogsOffTheConsole() throws Exception {
        Element invoker = conformanceInvokerConfiguration();
        Element variables = child(invoker, "environmentVariables");
        Set<String> masked = new TreeSet<>();
        for (Node node = variables.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element variable) {
                assertTrue(
                        variable.getTextContent().strip().startsWith("("),
                        variable.getTagName() + " must be masked, not passed: " + variable.getTextContent());
                masked.add(variable.getTagName());
            }
        }
        Set<String> wanted = new TreeSet<>(Set.of("FORGE_TOKEN", "FORGE_USERNAME"));
        for (ConformanceConfig.Setting setting : ConformanceConfig.Setting.values()) {
            if (setting.name().endsWith("TOKEN")) {
                wanted.add(setting.environmentVariable());
            }
        }
        wanted.removeAll(masked);
        assertEquals(
                Set.of(), wanted, "pom.xml, conformance profile: add these to the invoker's <environmentVariables>");
        assertEquals(
                "false", child(invoker, "streamLogsOnFailures").getTextContent().strip());
    }

    /**
     * Every IT build, in either mode, gets FORGE_TOKEN and FORGE_USERNAME blanked, so that the developer's own
     * (likely a real token) never goes to the emulator from a build without a matching server, nor into the
     * environment listing of a build under -X; with them set in the shell, missing-server-id failed and
     * debug-log-has-no-secret's log held the token.
     */
    @Test
    void everyItBuildGetsThePluginsOwnVariablesBlanked() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile());
        Element plugins = child(child((Element) pom.getDocumentElement(), "build"), "plugins");
        Element invoker = null;
        for (Node node = plugins.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element plugin
                    && child(plugin, "artifactId").getTextContent().strip().equals("maven-invoker-plugin")) {
                invoker = child(plugin, "configuration");
            }
        }
        assertTrue(invoker != null, "pom.xml: no maven-invoker-plugin in <build><plugins>");
        Element variables = child(invoker, "environmentVariables");
        for (String name : List.of("FORGE_TOKEN", "FORGE_USERNAME")) {
            assertEquals(
                    "",
                    child(variables, name).getTextContent().strip(),
                    "pom.xml, the invoker's <environmentVariables>: " + name + " must be blank for the IT builds");
        }
    }

    private static Element conformanceInvokerConfiguration() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile());
        NodeList profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if (child(profile, "id").getTextContent().strip().equals("conformance")) {
                NodeList plugins = profile.getElementsByTagName("plugin");
                for (int j = 0; j < plugins.getLength(); j++) {
                    Element plugin = (Element) plugins.item(j);
                    if (child(plugin, "artifactId").getTextContent().strip().equals("maven-invoker-plugin")) {
                        return child(plugin, "configuration");
                    }
                }
            }
        }
        throw new AssertionError("pom.xml has no conformance profile with the maven-invoker-plugin");
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new AssertionError("pom.xml: no <" + name + "> in <" + parent.getTagName() + ">");
    }
}
