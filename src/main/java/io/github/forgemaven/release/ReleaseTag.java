package io.github.forgemaven.release;

import io.github.forgemaven.registry.plan.InvalidInputException;
import io.github.forgemaven.registry.plan.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which tag a build releases: the configured one, the one {@code release:prepare} wrote, or the CI's tag push. */
public final class ReleaseTag {

    private ReleaseTag() {}

    /**
     * The tag: {@code configured} when set, else {@code scmTag} unless it is {@code HEAD}, else
     * {@code GITHUB_REF_NAME} when {@code GITHUB_REF_TYPE=tag}.
     *
     * @return empty for a {@code -SNAPSHOT} version without any of them: the goal skips it
     * @throws InvalidInputException for a release version without any of them, saying how to set one
     */
    public static Optional<String> of(String configured, String scmTag, Map<String, String> environment, String version)
            throws InvalidInputException {
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured.strip());
        }
        if (scmTag != null && !scmTag.isBlank() && !scmTag.strip().equals("HEAD")) {
            return Optional.of(scmTag.strip());
        }
        String refName = environment.get("GITHUB_REF_NAME");
        if ("tag".equals(environment.get("GITHUB_REF_TYPE")) && refName != null && !refName.isBlank()) {
            return Optional.of(refName.strip());
        }
        if (version != null && version.endsWith("-SNAPSHOT")) {
            return Optional.empty();
        }
        throw new InvalidInputException(List.of("No tag for the release of " + version + ": set " + Parameter.TAG
                + ", or run from release:perform (it sets <scm><tag>), or from a CI job started by a tag push"
                + " (GITHUB_REF_TYPE=tag)."));
    }
}
