package io.github.forgemaven.testing;

import io.github.forgemaven.testing.forge.StoredFile;
import io.github.forgemaven.testing.forge.release.Release;
import java.util.List;
import java.util.Optional;

/**
 * The server an invoker IT's build runs against, as its setup and verify scripts see it: the
 * {@link RegistryEmulator} with the {@link StandardFixture}'s accounts, or in conformance mode a real
 * server read through its public API ({@link io.github.forgemaven.testing.conformance.RemoteServer}). The
 * same scripts run against both: they name the owner, packages and tags through {@link #owner()} and
 * {@link #name}, check what is stored through the methods below, and put checks only the emulator can make
 * (the requests it received, the bytes the client sent) under {@link #emulator()}.
 *
 * <p>The defaults are the standard fixture's, which the emulator uses.
 */
public interface ServerUnderTest {

    /** Where the build reaches the server, e.g. {@code http://127.0.0.1:41234}. */
    String baseUrl();

    /** The owner the deployer may publish to: {@code acme} on the emulator. */
    default String owner() {
        return StandardFixture.ORG;
    }

    /**
     * The name an IT gives a package, tag or owner it creates, from the name the IT would use alone:
     * unchanged on the emulator, which each IT has to itself; with the conformance run's prefix on a shared
     * server, so that runs and cases never clash and cleanup finds what a case made.
     */
    default String name(String base) {
        return base;
    }

    /** The repository of {@link #owner()} that release cases use: {@code app} on the emulator. */
    default String repository() {
        return StandardFixture.REPOSITORY;
    }

    /** The user name of the {@code <server>}s of the ITs' settings.xml. */
    default String username() {
        return StandardFixture.DEPLOYER;
    }

    /**
     * The secret of a {@code <server>} id of the ITs' settings.xml ({@code forge}, {@code forge-release},
     * {@code forge-read-only}, {@code forge-wrong-token}, {@code forge-token-only}, {@code forge-http-headers},
     * {@code forge-http-headers-wrong-token}, {@code forge-password-only}, {@code forge-package-only},
     * {@code forge-encrypted}), for the checks that no secret shows in a log: its password (for
     * {@code forge-password-only} the deployer's account password, for {@code forge-encrypted} that password
     * decrypted), or the token in its {@code Authorization} header.
     */
    default String secret(String serverId) {
        return switch (serverId) {
            case "forge", "forge-token-only", "forge-http-headers", "forge-package-only" -> StandardFixture.WRITE_TOKEN;
            case "forge-release" -> StandardFixture.RELEASE_TOKEN;
            case "forge-read-only" -> StandardFixture.READ_TOKEN;
            case "forge-wrong-token", "forge-http-headers-wrong-token" -> WRONG_TOKEN;
            case "forge-password-only", "forge-encrypted" -> StandardFixture.DEPLOYER_PASSWORD;
            default -> throw new IllegalArgumentException("no <server> " + serverId + " in the ITs' settings.xml");
        };
    }

    /** The password of {@code forge-wrong-token}, which no server accepts. */
    String WRONG_TOKEN = "0badc0ffee0badc0ffee0badc0ffee0badc0ffee";

    /** Puts a file in place before the build, as an earlier deploy would have. */
    StoredFile store(String owner, String name, String version, String fileName, byte[] content);

    /** A file of a version, looked up without regard to case as the servers do. */
    Optional<StoredFile> file(String owner, String name, String version, String fileName);

    /** The files of a version; empty if it does not exist. */
    List<StoredFile> files(String owner, String name, String version);

    boolean versionExists(String owner, String name, String version);

    /** The release of a tag (not a tag-only row), drafts included, with its assets' bytes and sha256. */
    Optional<Release> release(String owner, String repository, String tag);

    /** The releases of a repository, for messages. */
    List<Release> releaseRows(String owner, String repository);

    /** The repository a package is linked to, if any. */
    Optional<String> linkedRepository(String owner, String name);

    /**
     * Puts a published release of {@code tag} in place, its git tag at the head of the repository's default
     * branch, holding one uploaded asset, as an earlier release build would have left it; returns it.
     */
    Release storeRelease(String owner, String repository, String tag, String assetName, byte[] content);

    /** Whether the repository has a git tag of this name (a release's or a tag alone). */
    boolean tagExists(String owner, String repository, String tag);

    /**
     * Whether there is a {@link #repository()} for release checks: always on the emulator; in conformance mode
     * only if the run has one, which a case that needs none may still look at.
     */
    default boolean hasRepository() {
        return true;
    }

    /** What {@code /api/forgejo/v1/version} reports (e.g. {@code 14.0.2+gitea-1.22.0}); empty on Gitea. */
    Optional<String> forgejoVersion();

    /**
     * Whether a release can hold links to files elsewhere ({@code external_url} assets, Forgejo v9+), which
     * {@code <linkPackageFiles>} sends; where it cannot, the plugin uploads the files instead.
     */
    boolean linksAssets();

    /**
     * The emulator, for the checks only it can make (the requests it received, the bytes the client sent,
     * faults); empty against a real server, where a script skips them.
     */
    Optional<RegistryEmulator> emulator();
}
