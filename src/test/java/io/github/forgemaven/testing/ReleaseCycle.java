package io.github.forgemaven.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The git side of the ITs that run {@code mvn release:prepare release:perform}: the sample project becomes a
 * git working copy whose remote is a bare repository beside it, and the forked builds get what they need.
 */
public final class ReleaseCycle {

    private ReleaseCycle() {}

    /**
     * Makes {@code basedir} a working copy at its first commit, pushed to {@code basedir/remote.git}; puts the
     * remote's {@code file:} URL where the POM says {@code IT-REMOTE-URL}; passes the release and development
     * versions, and the arguments of the forked builds as {@code it.release.arguments}.
     *
     * @param localRepository the ITs' local repository, which the forks must use to find the plugin under test
     * @param settingsSecurity the master password file, for the settings maven-release-plugin re-encrypts
     */
    public static void setUp(Map<String, Object> context, File basedir, File localRepository, String settingsSecurity) {
        RegistryEmulator registry = It.registry(context);
        File remote = remote(basedir);
        String remoteUrl = "file://" + remote.getAbsolutePath();
        try {
            deleteTree(remote);
            deleteTree(new File(basedir, ".git"));
            File pom = new File(basedir, "pom.xml");
            Files.writeString(
                    pom.toPath(),
                    Files.readString(pom.toPath(), StandardCharsets.UTF_8)
                            .replace("IT-REMOTE-URL", remoteUrl)
                            .replace("IT-FORGE-URL", registry.baseUrl()),
                    StandardCharsets.UTF_8);
            // Build output and the invoker's files stay out of the sample repository, so that release:prepare
            // finds no local modifications (written here: the invoker does not clone dot files).
            Files.writeString(new File(basedir, ".gitignore").toPath(), "/target/\n/build.log\n/remote.git/\n");
            // A committed .mvn, as real projects have: Maven 4 looks for it to find the root of the project, and
            // without one in perform's checkout it would take the IT folder above it for the root and warn.
            Files.createDirectories(new File(basedir, ".mvn").toPath());
            Files.writeString(new File(basedir, ".mvn/maven.config").toPath(), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git(basedir, "init", "-q", "--bare", remote.getAbsolutePath());
        // The remote's HEAD must name the branch that gets pushed: perform's checkout fetches HEAD.
        git(remote, "symbolic-ref", "HEAD", "refs/heads/main");
        git(basedir, "init", "-q");
        git(basedir, "symbolic-ref", "HEAD", "refs/heads/main");
        // release:prepare commits and tags: an identity of its own, and no signing whatever the machine's
        // global git configuration says.
        git(basedir, "config", "user.name", "Release IT");
        git(basedir, "config", "user.email", "release-it@example.invalid");
        git(basedir, "config", "commit.gpgSign", "false");
        git(basedir, "config", "tag.gpgSign", "false");
        git(basedir, "add", "-A");
        git(basedir, "commit", "-q", "-m", "The sample project, at 1.0-SNAPSHOT");
        git(basedir, "push", "-q", remoteUrl, "main");

        It.userProperty(context, "releaseVersion", "1.0");
        It.userProperty(context, "developmentVersion", "1.1-SNAPSHOT");
        // The forked builds (prepare's `clean verify`, perform's `deploy`) get the settings of this build from
        // maven-release-plugin (it writes them to a temporary release-settings.xml and passes -s), but not this
        // build's -D user properties: they get these arguments instead.
        // - the registry's URL;
        // - the master password: the plugin re-encrypts the settings' passwords for the fork when one exists
        //   (settings.security, which every IT build gets), and the fork must decrypt them again;
        // - the ITs' local repository, explicitly, so that the fork uses the plugin build under test and not an
        //   older copy installed in ~/.m2.
        It.userProperty(
                context,
                "it.release.arguments",
                "-Dit.registry.url=" + registry.baseUrl() + " -Dsettings.security=" + settingsSecurity
                        + " -Dmaven.repo.local=" + localRepository.getAbsolutePath()
                        + " -Daether.remoteRepositoryFilter.prefixes=false");
    }

    /** The bare repository that {@link #setUp} made, which prepare pushes to. */
    public static File remote(File basedir) {
        return new File(basedir, "remote.git");
    }

    /** Runs git in {@code dir} and returns its output, trimmed; fails with git's output when git fails. */
    public static String git(File dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.getAbsolutePath()));
        command.addAll(List.of(args));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new AssertionError(String.join(" ", command) + ": " + out);
            }
            return out.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + command, e);
        }
    }

    private static void deleteTree(File file) throws IOException {
        if (!file.exists()) {
            return;
        }
        try (var paths = Files.walk(file.toPath())) {
            for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
