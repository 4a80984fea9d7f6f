package io.github.forgemaven.registry.plan;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds files by glob patterns relative to a project directory, e.g. {@code target/native/*}. */
public final class ExtraFiles {

    private ExtraFiles() {}

    /**
     * The regular files matching each pattern, in pattern order, each pattern's matches sorted by path.
     *
     * @throws InvalidInputException naming each pattern that matches no file
     * @throws IOException when a directory cannot be read
     */
    public static List<Path> find(Path baseDir, List<String> patterns) throws InvalidInputException, IOException {
        List<Path> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String pattern : patterns) {
            if (pattern == null || pattern.isBlank()) {
                continue;
            }
            String glob = pattern.strip().replace('\\', '/');
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            Path start = baseDir.resolve(fixedPrefix(glob));
            List<Path> matches = new ArrayList<>();
            if (Files.isDirectory(start)) {
                // Walking from the pattern's fixed prefix keeps a pattern like target/native/* from reading the whole
                // tree.
                try (Stream<Path> paths = Files.walk(start)) {
                    paths.filter(Files::isRegularFile)
                            .filter(p -> matcher.matches(baseDir.relativize(p)))
                            .sorted()
                            .forEach(matches::add);
                }
            } else if (Files.isRegularFile(start)) {
                matches.add(start);
            }
            if (matches.isEmpty()) {
                problems.add(Parameter.FILES.element() + " pattern '" + pattern + "' matches no file under " + baseDir
                        + ": check the pattern, and that the build phase creating the files ran before this goal.");
            }
            found.addAll(matches);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return found;
    }

    private static String fixedPrefix(String glob) {
        String[] segments = glob.split("/");
        List<String> fixed = new ArrayList<>();
        for (String segment : segments) {
            if (segment.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0)) {
                break;
            }
            fixed.add(segment);
        }
        return String.join("/", fixed);
    }
}
