package io.github.forgemaven.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The commit a git checkout is at, read from its {@code .git} files (no git binary needed):
 * {@code HEAD}, the ref it names, or {@code packed-refs}; worktrees and submodules ({@code .git} as a
 * file) included.
 */
public final class GitHead {

    private GitHead() {}

    /** The full SHA of HEAD of the checkout holding {@code directory}, or empty outside one. */
    public static Optional<String> of(Path directory) {
        try {
            for (Path dir = directory.toAbsolutePath(); dir != null; dir = dir.getParent()) {
                Path dotGit = dir.resolve(".git");
                if (Files.isDirectory(dotGit)) {
                    return resolve(dotGit);
                }
                if (Files.isRegularFile(dotGit)) {
                    String pointer = read(dotGit);
                    if (pointer.startsWith("gitdir:")) {
                        return resolve(dir.resolve(pointer.substring(7).strip()).normalize());
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> resolve(Path gitDir) throws IOException {
        String head = read(gitDir.resolve("HEAD"));
        if (!head.startsWith("ref:")) {
            return sha(head);
        }
        String ref = head.substring(4).strip();
        Path common = gitDir;
        Path commonDir = gitDir.resolve("commondir");
        if (Files.isRegularFile(commonDir)) {
            common = gitDir.resolve(read(commonDir)).normalize();
        }
        for (Path dir : new Path[] {gitDir, common}) {
            Path loose = dir.resolve(ref);
            if (Files.isRegularFile(loose)) {
                return sha(read(loose));
            }
        }
        Path packed = common.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                if (line.endsWith(" " + ref)) {
                    return sha(line.substring(0, line.indexOf(' ')));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> sha(String text) {
        String sha = text.strip();
        return sha.matches("[0-9a-f]{40}|[0-9a-f]{64}") ? Optional.of(sha) : Optional.empty();
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
}
