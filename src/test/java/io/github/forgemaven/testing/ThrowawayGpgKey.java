package io.github.forgemaven.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A GnuPG home with one fresh signing key without a passphrase, for builds that sign with
 * maven-gpg-plugin as release builds do ({@code -Dgpg.homedir=...}). Closing it stops the home's
 * gpg-agent and deletes the home. Needs the {@code gpg} command (Debian's {@code gnupg}).
 */
public final class ThrowawayGpgKey implements AutoCloseable {

    private final Path home;

    private ThrowawayGpgKey(Path home) {
        this.home = home;
    }

    /** Makes a new home and key; the home lies under /tmp, since gpg-agent's socket path must stay short. */
    public static ThrowawayGpgKey create() {
        try {
            Path home = Files.createTempDirectory(
                    Path.of(System.getProperty("java.io.tmpdir")),
                    "forge-it-gpg",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            ThrowawayGpgKey key = new ThrowawayGpgKey(home);
            key.gpg(
                    "--batch",
                    "--pinentry-mode",
                    "loopback",
                    "--passphrase",
                    "",
                    "--quick-gen-key",
                    "Forge IT <forge-it@example.invalid>",
                    "ed25519",
                    "sign",
                    "never");
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a GnuPG home for the IT: " + e, e);
        }
    }

    /** The GnuPG home, for maven-gpg-plugin's {@code gpg.homedir}. */
    public String home() {
        return home.toString();
    }

    /**
     * Whether {@code signature} is a good detached signature of exactly {@code signed} by this key
     * ({@code gpg --verify}), as a user checks a downloaded file.
     */
    public boolean verifies(byte[] signature, byte[] signed) throws IOException {
        Path sig = Files.createTempFile(home, "verify", ".asc");
        Path data = Files.createTempFile(home, "verify", ".data");
        try {
            Files.write(sig, signature);
            Files.write(data, signed);
            return exitCode(List.of(
                            "gpg",
                            "--homedir",
                            home.toString(),
                            "--batch",
                            "--verify",
                            sig.toString(),
                            data.toString()))
                    == 0;
        } finally {
            Files.deleteIfExists(sig);
            Files.deleteIfExists(data);
        }
    }

    private void gpg(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", home.toString()));
        command.addAll(List.of(args));
        run(command);
    }

    private static void run(List<String> command) throws IOException {
        StringBuilder output = new StringBuilder();
        int exit = exitCode(command, output);
        if (exit != 0) {
            throw new IOException(String.join(" ", command) + " exited " + exit + ": " + output);
        }
    }

    private static int exitCode(List<String> command) throws IOException {
        return exitCode(command, new StringBuilder());
    }

    private static int exitCode(List<String> command, StringBuilder output) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(
                    "'" + command.get(0) + "' could not be started (install GnuPG: apt-get install" + " gnupg): "
                            + e.getMessage(),
                    e);
        }
        try {
            output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in 60 s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            run(List.of("gpgconf", "--homedir", home.toString(), "--kill", "gpg-agent"));
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
