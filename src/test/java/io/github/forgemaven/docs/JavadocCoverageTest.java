package io.github.forgemaven.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public type of src/main/java has a Javadoc comment, and every package a package-info.java
 * with one. The release profile's javadoc run leaves out doclint's "missing" group (a plugin's
 * methods are no library API) and fails on any other warning; this is the part of "missing" the
 * project keeps.
 */
class JavadocCoverageTest {

    static final Path MAIN = Path.of("src", "main", "java");

    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public\\s+(?:(?:final|abstract|sealed|non-sealed|static|strictfp)\\s+)*(?:class|record|interface|enum|@interface)\\s+(\\w+).*");

    @Test
    void everyPublicTypeAndPackageHasJavadoc() throws IOException {
        List<String> problems = undocumented(MAIN);
        assertEquals(List.of(), problems, () -> String.join("\n", problems));
    }

    @Test
    void theCheckSeesATypeWithoutJavadoc() throws IOException {
        Path dir = Files.createTempDirectory("javadoc-coverage");
        Path pkg = Files.createDirectories(dir.resolve("p"));
        Files.writeString(pkg.resolve("package-info.java"), "/** The package. */\npackage p;\n");
        Files.writeString(
                pkg.resolve("Documented.java"),
                "package p;\n\n/** Is. */\n@Deprecated\npublic final class Documented {}\n");
        Files.writeString(pkg.resolve("Bare.java"), "package p;\n\n// not Javadoc\npublic record Bare(int x) {}\n");
        Files.writeString(pkg.resolve("Hidden.java"), "package p;\n\nclass Hidden {}\n");

        assertEquals(
                List.of(pkg.resolve("Bare.java") + ":4: public type Bare has no Javadoc comment"), undocumented(dir));
    }

    static List<String> undocumented(Path root) throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                if (file.getFileName().toString().equals("package-info.java")) {
                    if (!hasJavadocBefore(lines, indexOf(lines, "package "))) {
                        problems.add(file + ": the package has no Javadoc comment");
                    }
                    continue;
                }
                for (int i = 0; i < lines.size(); i++) {
                    var m = PUBLIC_TYPE.matcher(lines.get(i));
                    if (m.matches() && !hasJavadocBefore(lines, i)) {
                        problems.add(file + ":" + (i + 1) + ": public type " + m.group(1) + " has no Javadoc comment");
                    }
                }
            }
        }
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> in = Files.list(dir)) {
                    boolean hasTypes = in.anyMatch(f -> f.toString().endsWith(".java"));
                    if (hasTypes && !Files.exists(dir.resolve("package-info.java"))) {
                        problems.add(dir + ": no package-info.java");
                    }
                }
            }
        }
        return problems;
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the lines above {@code at}, past annotations, end a comment that began with {@code /**}. */
    private static boolean hasJavadocBefore(List<String> lines, int at) {
        int i = at - 1;
        while (i >= 0
                && (lines.get(i).isBlank()
                        || lines.get(i).startsWith("@")
                        || lines.get(i).startsWith(" "))) {
            if (lines.get(i).trim().endsWith("*/")) {
                break;
            }
            i--;
        }
        if (i < 0 || !lines.get(i).trim().endsWith("*/")) {
            return false;
        }
        while (i >= 0 && !lines.get(i).contains("/*")) {
            i--;
        }
        return i >= 0 && lines.get(i).contains("/**");
    }
}
