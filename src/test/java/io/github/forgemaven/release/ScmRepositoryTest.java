package io.github.forgemaven.release;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The repository named by a POM's {@code <scm>}, taken only when it is on the release's forge and owner. */
class ScmRepositoryTest {

    private static final URI FORGE = URI.create("https://git.example.com");
    private static final URI FORGE_IN_SUB_PATH = URI.create("https://git.example.com/gitea");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "scm:git:ssh://git@git.example.com/acme/app.git",
                "scm:git:ssh://git@git.example.com/acme/app",
                "scm:git:ssh://git@git.example.com:2222/acme/app.git",
                "scm:git:ssh://git@git.example.com:2222/acme/app",
                "scm:git:ssh://git.example.com/acme/app.git",
                "scm:git:git@git.example.com:acme/app.git",
                "scm:git:git@git.example.com:acme/app",
                "scm:git:git@git.example.com:/acme/app.git",
                "scm:git:GIT.EXAMPLE.COM:acme/app.git",
                "scm:git:https://git.example.com/acme/app.git",
                "scm:git:https://git.example.com:443/acme/app",
                "scm:git:https://git.example.com/Acme/app.git",
                "https://git.example.com/acme/app",
                "https://git.example.com/acme/app/src/branch/main"
            })
    void urlsOnTheForgesHostNameTheRepository(String scm) {
        assertEquals(Optional.of("app"), ScmRepository.of(scm, FORGE, "acme"), scm);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // ssh URLs have no sub-path on the servers; https ones have it
                "scm:git:ssh://git@git.example.com:2222/acme/app.git",
                "scm:git:git@git.example.com:acme/app.git",
                "scm:git:https://git.example.com/gitea/acme/app.git"
            })
    void aForgeInASubPath(String scm) {
        assertEquals(Optional.of("app"), ScmRepository.of(scm, FORGE_IN_SUB_PATH, "acme"), scm);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "scm:git:ssh://git@github.com/acme/app.git",
                "scm:git:ssh://git@github.com:2222/acme/app.git",
                "scm:git:git@github.com:acme/app.git",
                "scm:git:git@git.example.com.evil.org:acme/app.git",
                "scm:git:ssh://git@example.com/acme/app.git",
                "scm:git:https://codeberg.org/acme/app.git",
                "scm:git:ssh://git@git.example.com/other/app.git",
                "scm:git:git@git.example.com:other/app.git",
                "scm:git:git@git.example.com:acme",
                "scm:git:git@git.example.com:acme/.git",
                "scm:git:file:///srv/git/acme/app.git",
                "scm:svn:https://svn.example.com/acme/app",
                "",
                "   "
            })
    void urlsElsewhereNameNothing(String scm) {
        assertEquals(Optional.empty(), ScmRepository.of(scm, FORGE, "acme"), scm);
    }
}
