package io.github.forgemaven.registry.plan;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Picks artifacts by {@code classifier:extension} patterns such as {@code *:zip},
 * {@code linux-*:*} or {@code sources:jar}; {@code *} and {@code ?} are wildcards, and the main
 * artifact's classifier is empty ({@code :jar}). A pattern without a colon names classifiers only.
 */
public final class ArtifactFilter {

    private final List<Pattern> includes;
    private final List<Pattern> excludes;

    private ArtifactFilter(List<Pattern> includes, List<Pattern> excludes) {
        this.includes = includes;
        this.excludes = excludes;
    }

    /** An artifact passes if it matches an include (or there are none) and no exclude. */
    public static ArtifactFilter of(List<String> includes, List<String> excludes) {
        return new ArtifactFilter(compile(includes), compile(excludes));
    }

    /** Whether the artifact is to be uploaded. */
    public boolean accepts(ArtifactRef artifact) {
        String selector = artifact.selector().toLowerCase(Locale.ROOT);
        return (includes.isEmpty()
                        || includes.stream().anyMatch(p -> p.matcher(selector).matches()))
                && excludes.stream().noneMatch(p -> p.matcher(selector).matches());
    }

    /** Whether an exclude pattern names the artifact. */
    public boolean excludes(ArtifactRef artifact) {
        String selector = artifact.selector().toLowerCase(Locale.ROOT);
        return excludes.stream().anyMatch(p -> p.matcher(selector).matches());
    }

    private static List<Pattern> compile(List<String> patterns) {
        if (patterns == null) {
            return List.of();
        }
        return patterns.stream()
                .filter(p -> p != null && !p.isBlank())
                .map(p -> p.strip().toLowerCase(Locale.ROOT))
                .map(p -> p.contains(":") ? p : p + ":*")
                .map(ArtifactFilter::glob)
                .toList();
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append("[^:]*");
                case '?' -> regex.append("[^:]");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
