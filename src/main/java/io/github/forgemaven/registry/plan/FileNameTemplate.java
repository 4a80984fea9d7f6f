package io.github.forgemaven.registry.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How artifacts are named in the registry: a text with placeholders ({@code {artifactId}},
 * {@code {version}}, {@code {classifier}}, {@code {extension}}, {@code {groupId}},
 * {@code {packageName}}, {@code {packageVersion}}) and optional parts in brackets, kept only when
 * every placeholder in them has a value: {@code {artifactId}-{version}[-{classifier}].{extension}}.
 */
public final class FileNameTemplate {

    /** Maven's own file naming. */
    public static final String DEFAULT = "{artifactId}-{version}[-{classifier}].{extension}";

    private static final Set<String> PLACEHOLDERS =
            Set.of("groupId", "artifactId", "version", "classifier", "extension", "packageName", "packageVersion");

    private final String template;

    private FileNameTemplate(String template) {
        this.template = template;
    }

    /**
     * Parses a template.
     *
     * @throws IllegalArgumentException naming what is wrong: an unknown placeholder, an unclosed brace or bracket
     */
    public static FileNameTemplate parse(String template) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("it is empty");
        }
        int depth = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '[') {
                if (++depth > 1) {
                    throw new IllegalArgumentException("optional parts [...] cannot be nested");
                }
            } else if (c == ']') {
                if (--depth < 0) {
                    throw new IllegalArgumentException("']' at position " + (i + 1) + " closes nothing");
                }
            } else if (c == '{') {
                int end = template.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("'{' at position " + (i + 1) + " is not closed");
                }
                String name = template.substring(i + 1, end);
                if (!PLACEHOLDERS.contains(name)) {
                    throw new IllegalArgumentException("{" + name + "} is not a placeholder; use one of "
                            + String.join(
                                    ", ",
                                    PLACEHOLDERS.stream()
                                            .sorted()
                                            .map(p -> "{" + p + "}")
                                            .toList()));
                }
                i = end;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("a '[' is not closed");
        }
        return new FileNameTemplate(template);
    }

    /** The file name of an artifact in a package. */
    public String apply(ArtifactRef artifact, String packageName, String packageVersion) {
        Map<String, String> values = Map.of(
                "groupId", artifact.groupId(),
                "artifactId", artifact.artifactId(),
                "version", artifact.version(),
                "classifier", artifact.classifier(),
                "extension", artifact.extension(),
                "packageName", packageName,
                "packageVersion", packageVersion);
        StringBuilder out = new StringBuilder();
        List<String> optional = null;
        StringBuilder part = null;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            StringBuilder target = part != null ? part : out;
            if (c == '[') {
                part = new StringBuilder();
                optional = new ArrayList<>();
            } else if (c == ']') {
                if (optional.stream().allMatch(v -> !v.isEmpty())) {
                    out.append(part);
                }
                part = null;
            } else if (c == '{') {
                int end = template.indexOf('}', i);
                String value = values.get(template.substring(i + 1, end));
                target.append(value);
                if (optional != null && part != null) {
                    optional.add(value);
                }
                i = end;
            } else {
                target.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return template;
    }
}
