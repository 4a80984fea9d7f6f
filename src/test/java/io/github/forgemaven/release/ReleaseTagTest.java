package io.github.forgemaven.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.registry.plan.InvalidInputException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which tag a build releases, and which versions are pre-releases. */
class ReleaseTagTest {

    private static final Map<String, String> TAG_PUSH = Map.of("GITHUB_REF_TYPE", "tag", "GITHUB_REF_NAME", "v2.0");
    private static final Map<String, String> BRANCH_PUSH =
            Map.of("GITHUB_REF_TYPE", "branch", "GITHUB_REF_NAME", "main");

    @Test
    void theConfiguredTagWinsThenScmThenTheCiTagPush() throws Exception {
        assertEquals(Optional.of("v1.0"), ReleaseTag.of(" v1.0 ", "app-1.0", TAG_PUSH, "1.0"));
        assertEquals(Optional.of("app-1.0"), ReleaseTag.of(null, "app-1.0", TAG_PUSH, "1.0"));
        assertEquals(Optional.of("v2.0"), ReleaseTag.of("", "HEAD", TAG_PUSH, "2.0"));
        assertEquals(Optional.of("v2.0"), ReleaseTag.of(null, null, TAG_PUSH, "2.0-SNAPSHOT"));
    }

    @Test
    void aSnapshotWithoutATagIsSkipped() throws Exception {
        assertEquals(Optional.empty(), ReleaseTag.of(null, "HEAD", BRANCH_PUSH, "1.1-SNAPSHOT"));
        assertEquals(Optional.empty(), ReleaseTag.of("  ", null, Map.of(), "1.1-SNAPSHOT"));
        // a snapshot with a tag is released all the same: the user asked for it
        assertEquals(Optional.of("nightly"), ReleaseTag.of("nightly", "HEAD", Map.of(), "1.1-SNAPSHOT"));
    }

    @Test
    void aReleaseVersionWithoutATagFailsSayingHowToSetOne() {
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> ReleaseTag.of(null, "HEAD", BRANCH_PUSH, "1.0"));
        assertEquals(
                "No tag for the release of 1.0: set <tag> (forge.tag), or run from release:perform (it sets"
                        + " <scm><tag>), or from a CI job started by a tag push (GITHUB_REF_TYPE=tag).",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.0-alpha",
                "1.0-alpha-1",
                "1.0-ALPHA1",
                "2.0.0-beta.2",
                "2.0.0-rc1",
                "2.0.0-RC.1",
                "2.0.0-rc-1",
                "1.0-M1",
                "1.0.M2",
                "1.0-milestone-3",
                "3.0-CR1",
                "3.0.0.CR2",
                "1.0-preview",
                "1.0-pre2",
                "2.0-beta-SNAPSHOT"
            })
    void qualifiersOfPrereleases(String version) {
        assertTrue(Changelog.isPrerelease(version), version);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.0",
                "1.0.0",
                "2.1.3-SNAPSHOT",
                "1.0-Final",
                "1.0.0.RELEASE",
                "1.0-GA",
                "1.0-jre",
                "2.0-android",
                "1.0-m",
                "1.0-macos",
                "1.0-crypto",
                "1.0-alphabet",
                "4.0-record",
                "1.0-betamax"
            })
    void finalVersionsAreNot(String version) {
        assertFalse(Changelog.isPrerelease(version), version);
    }
}
