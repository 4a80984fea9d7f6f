package io.github.forgemaven.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a new user copies from the README and the site must work as written: every {@code <plugin>}
 * block and every full coordinate names the version this build installs (a version not on Central and
 * not installed fails with "could not resolve"), the README says how to install it, and it tells how to
 * run the goal on a project that does not name the plugin (ITs prefix-from-plugin-group and
 * full-coordinates run those two recipes).
 */
class FirstStepsTest {

    private static final Pattern PLUGIN_VERSION =
            Pattern.compile("<artifactId>forge-maven-plugin</artifactId>\\s*<version>([^<]*)</version>");
    private static final Pattern COORDINATES =
            Pattern.compile("io\\.github\\.forgemaven:forge-maven-plugin:([^:\\s`]+):[a-z-]+");

    @Test
    void everyPluginBlockAndCoordinateNamesTheVersionThisBuildInstalls() throws IOException {
        String version = projectVersion();
        List<String> wrong = new ArrayList<>();
        for (Path page : userPages()) {
            String text = Files.readString(page);
            wrong.addAll(versionsOtherThan(version, page, PLUGIN_VERSION.matcher(text)));
            wrong.addAll(versionsOtherThan(version, page, COORDINATES.matcher(text)));
        }
        assertEquals(List.of(), wrong, "set these to the project's version, " + version);
    }

    @Test
    void theReadmeSaysHowToInstallThePluginAndHowToRunItWithoutThePom() throws IOException {
        String readme = Files.readString(ReadmeParametersTest.README);
        assertTrue(readme.contains("./mvnw -B -q install -DskipTests -Dinvoker.skip"), "the quick install command");
        assertTrue(
                readme.contains("io.github.forgemaven:forge-maven-plugin:" + projectVersion() + ":deploy-generic"),
                "the full coordinates of the goal");
        assertTrue(readme.contains("<pluginGroup>io.github.forgemaven</pluginGroup>"), "the pluginGroups entry");
    }

    @Test
    void theCheckSeesAStaleVersion() {
        String stale = "<artifactId>forge-maven-plugin</artifactId>\n  <version>0.0.9</version>"
                + " mvn io.github.forgemaven:forge-maven-plugin:0.0.9:deploy-generic";
        Path page = Path.of("page.md");
        List<String> wrong = new ArrayList<>(versionsOtherThan("1.0", page, PLUGIN_VERSION.matcher(stale)));
        wrong.addAll(versionsOtherThan("1.0", page, COORDINATES.matcher(stale)));
        assertEquals(List.of("page.md: 0.0.9", "page.md: 0.0.9"), wrong);
    }

    private static List<String> versionsOtherThan(String version, Path page, Matcher matcher) {
        List<String> wrong = new ArrayList<>();
        while (matcher.find()) {
            if (!matcher.group(1).equals(version)) {
                wrong.add(page + ": " + matcher.group(1));
            }
        }
        return wrong;
    }

    private static List<Path> userPages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ReadmeParametersTest.README));
        try (Stream<Path> site = Files.walk(Path.of("src/site/markdown"))) {
            site.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private static String projectVersion() throws IOException {
        Matcher matcher = Pattern.compile("<artifactId>forge-maven-plugin</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(matcher.find(), "pom.xml names its version after its artifactId");
        return matcher.group(1);
    }
}
