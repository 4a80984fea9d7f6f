package io.github.forgemaven.testing;

import static io.github.forgemaven.testing.ReleasesApiTest.json;
import static io.github.forgemaven.testing.ReleasesApiTest.object;
import static io.github.forgemaven.testing.TestClient.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.testing.forge.release.GitRepository;
import io.github.forgemaven.testing.forge.release.Release;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repository that follows a real git repository, as the release:prepare IT needs: a pushed tag becomes a tag-only row. */
class FollowedGitRepositoryTest {

    @TempDir
    Path dir;

    private String git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        return out.trim();
    }

    @Test
    void aTagPushedToTheFollowedRepositoryIsConvertedByTheCreate() throws Exception {
        git("init", "-q", "-b", "main");
        git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "--allow-empty", "-m", "one");
        String sha = git("rev-parse", "HEAD");
        try (RegistryEmulator emulator = StandardFixture.start()) {
            GitRepository repo = emulator.addRepository("acme", "followed").follow(new File(dir.toString()));
            assertEquals(sha, repo.head().orElseThrow());
            assertTrue(emulator.releaseRows("acme", "followed").isEmpty());

            // what release:prepare does: an annotated tag, pushed while the build runs
            git("-c", "user.name=t", "-c", "user.email=t@example.org", "tag", "-a", "-m", "release", "v1.0");
            TestClient client = new TestClient(emulator);
            HttpResponse<byte[]> missing =
                    client.get("/api/v1/repos/acme/followed/releases/tags/v1.0", "Authorization", ReleasesApiTest.AUTH);
            assertEquals(404, missing.statusCode());
            Release row = emulator.releaseRows("acme", "followed").get(0);
            assertTrue(row.tagOnly());
            assertEquals(sha, row.sha(), "the tag's commit, peeled");

            HttpResponse<byte[]> created = json(
                    client,
                    "POST",
                    "/api/v1/repos/acme/followed/releases",
                    "{\"tag_name\":\"v1.0\",\"target_commitish\":\"" + sha + "\"}",
                    ReleasesApiTest.AUTH);

            assertEquals(201, created.statusCode(), text(created));
            assertEquals(row.id(), ((Number) object(created).get("id")).longValue());
            assertFalse(
                    emulator.release("acme", "followed", "v1.0").orElseThrow().tagOnly());
        }
    }
}
