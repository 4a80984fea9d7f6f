package io.github.forgemaven.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HEAD read from real repositories that the {@code git} command made, in every layout git leaves on disk. */
class GitHeadTest {

    @TempDir
    Path dir;

    private Path repo;

    private String git(Path in, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "git",
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.invalid",
                "-c",
                "commit.gpgSign=false",
                "-C",
                in.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), command + ": " + out);
        return out.strip();
    }

    private String commit(String message) throws Exception {
        git(repo, "commit", "-q", "--allow-empty", "-m", message);
        return git(repo, "rev-parse", "HEAD");
    }

    @BeforeEach
    void init() throws Exception {
        repo = Files.createDirectories(dir.resolve("app"));
        git(repo, "init", "-q");
        git(repo, "symbolic-ref", "HEAD", "refs/heads/main");
    }

    @Test
    void aBranchWithALooseRefFromTheProjectOrAnyFolderBelow() throws Exception {
        commit("one");
        String two = commit("two");
        assertTrue(Files.isRegularFile(repo.resolve(".git/refs/heads/main")));
        Path module = Files.createDirectories(repo.resolve("module/src"));

        assertEquals(Optional.of(two), GitHead.of(repo));
        assertEquals(Optional.of(two), GitHead.of(module));
        assertEquals(Optional.of(two), GitHead.of(Path.of(repo + "/module/../module")));
    }

    @Test
    void aDetachedHead() throws Exception {
        String one = commit("one");
        commit("two");
        git(repo, "checkout", "-q", "--detach", one);
        assertFalse(Files.readString(repo.resolve(".git/HEAD")).startsWith("ref:"));

        assertEquals(Optional.of(one), GitHead.of(repo));
    }

    @Test
    void aTagCheckedOutAsReleasePerformDoes() throws Exception {
        String one = commit("one");
        git(repo, "tag", "-a", "-m", "release", "app-1.0");
        commit("two");
        Path checkout = dir.resolve("checkout");
        git(dir, "clone", "-q", "--branch", "app-1.0", repo.toString(), checkout.toString());

        assertEquals(Optional.of(one), GitHead.of(checkout), "the commit, not the annotated tag object");
    }

    @Test
    void aBranchWhoseRefIsOnlyInPackedRefs() throws Exception {
        String one = commit("one");
        git(repo, "pack-refs", "--all", "--prune");
        assertFalse(Files.exists(repo.resolve(".git/refs/heads/main")));
        assertTrue(Files.readString(repo.resolve(".git/packed-refs")).contains(one + " refs/heads/main"));

        assertEquals(Optional.of(one), GitHead.of(repo));
    }

    @Test
    void aLooseRefWinsOverAStalePackedOne() throws Exception {
        commit("one");
        git(repo, "pack-refs", "--all");
        String two = commit("two");

        assertEquals(Optional.of(two), GitHead.of(repo));
    }

    @Test
    void aLinkedWorktreeWhoseDotGitIsAFile() throws Exception {
        commit("one");
        git(repo, "branch", "feature");
        Path worktree = dir.resolve("feature-tree");
        git(repo, "worktree", "add", "-q", worktree.toString(), "feature");
        git(worktree, "commit", "-q", "--allow-empty", "-m", "on feature");
        String feature = git(worktree, "rev-parse", "HEAD");
        assertTrue(Files.isRegularFile(worktree.resolve(".git")));
        git(repo, "pack-refs", "--all", "--prune");

        assertEquals(Optional.of(feature), GitHead.of(worktree));
        assertEquals(Optional.of(git(repo, "rev-parse", "HEAD")), GitHead.of(repo));
    }

    @Test
    void aDetachedLinkedWorktree() throws Exception {
        String one = commit("one");
        commit("two");
        Path worktree = dir.resolve("detached-tree");
        git(repo, "worktree", "add", "-q", "--detach", worktree.toString(), one);

        assertEquals(Optional.of(one), GitHead.of(worktree));
    }

    @Test
    void nothingOutsideACheckoutOrBeforeTheFirstCommit() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        assertEquals(Optional.empty(), GitHead.of(plain));
        assertEquals(Optional.empty(), GitHead.of(repo), "an unborn branch");
    }
}
