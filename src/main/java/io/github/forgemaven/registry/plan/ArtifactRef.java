package io.github.forgemaven.registry.plan;

import java.nio.file.Path;

/**
 * One file of a build as Maven describes it, before it gets its name in the registry.
 *
 * @param groupId the group id
 * @param artifactId the artifact id
 * @param version the version ({@code -SNAPSHOT}, never a timestamp)
 * @param classifier the classifier, or an empty string for the main artifact and the POM
 * @param extension the file extension, e.g. {@code jar}, {@code tar.gz}, {@code pom}
 * @param path the local file, or {@code null} when the build did not produce it
 * @param origin what the file is, in the user's words (e.g. {@code main artifact}, {@code attached sources jar})
 */
public record ArtifactRef(
        String groupId,
        String artifactId,
        String version,
        String classifier,
        String extension,
        Path path,
        String origin) {

    /** {@code classifier:extension}, as the include and exclude patterns see it. */
    public String selector() {
        return classifier + ":" + extension;
    }
}
