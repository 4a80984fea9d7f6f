package io.github.forgemaven.release;

import io.github.forgemaven.registry.plan.InvalidInputException;
import io.github.forgemaven.registry.plan.Parameter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** The section of a Keep-a-Changelog file for one version: what follows {@code ## [1.2.3] - date}, up to the next {@code ## }. */
public final class Changelog {

    private Changelog() {}

    /**
     * The notes for {@code version}: the lines under its {@code ## } heading ({@code ## [1.2.3]},
     * {@code ## [1.2.3] - 2026-01-02}, {@code ## 1.2.3}, {@code ## v1.2.3}), without the heading.
     *
     * @throws InvalidInputException when the file cannot be read or has no such section, naming both
     */
    public static String section(Path file, String version) throws InvalidInputException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(List.of(Parameter.CHANGELOG + " '" + file + "' cannot be read (" + e
                    + "): point it at the project's CHANGELOG.md."));
        }
        Pattern heading = Pattern.compile("^##\\s+\\[?v?" + Pattern.quote(version) + "\\]?(\\s.*|$)");
        StringBuilder notes = null;
        for (String line : lines) {
            if (notes == null) {
                if (heading.matcher(line).matches()) {
                    notes = new StringBuilder();
                }
            } else if (line.startsWith("## ")) {
                break;
            } else {
                notes.append(line).append('\n');
            }
        }
        if (notes == null) {
            throw new InvalidInputException(List.of(Parameter.CHANGELOG + " '" + file
                    + "' has no section for version " + version + ": add a heading '## [" + version
                    + "] - <date>' with the release's changes, or set " + Parameter.NOTES.element() + " or "
                    + Parameter.NOTES_FILE.element() + " instead."));
        }
        return notes.toString().strip();
    }

    /** Whether a version reads as a pre-release: an alpha, beta, rc, cr or milestone qualifier. */
    public static boolean isPrerelease(String version) {
        return version != null
                && Pattern.compile(
                                "(?i)(^|[-.\\d])(alpha|beta|rc|cr|milestone|m(?=\\d)|preview|pre)([-.]?\\d*)($|[-.])")
                        .matcher(version)
                        .find();
    }
}
