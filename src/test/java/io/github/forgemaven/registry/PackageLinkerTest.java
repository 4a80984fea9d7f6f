package io.github.forgemaven.registry;

import static io.github.forgemaven.testing.AgainstEmulator.SETTINGS;
import static io.github.forgemaven.testing.AgainstEmulator.WRITER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.registry.http.RegistryClient;
import io.github.forgemaven.registry.http.Retrying;
import io.github.forgemaven.registry.http.ServerVersion;
import io.github.forgemaven.registry.plan.ExistingFilePolicy;
import io.github.forgemaven.registry.plan.PublicationPlan;
import io.github.forgemaven.registry.plan.RegistryUrl;
import io.github.forgemaven.registry.plan.UploadFile;
import io.github.forgemaven.testing.RegistryEmulator;
import io.github.forgemaven.testing.StandardFixture;
import io.github.forgemaven.testing.forge.Flavour;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Linking a package to a repository, and telling the server's product and version apart. */
class PackageLinkerTest {

    @TempDir
    Path dir;

    private final RecordingListener listener = new RecordingListener();

    @Test
    void linksAPublishedPackageAndAgainWithoutComplaint() throws Exception {
        try (RegistryEmulator registry = StandardFixture.start();
                RegistryClient client = new RegistryClient(SETTINGS)) {
            registry.addRepository("acme", "app-repo");
            Publication publication = published(registry);
            PackageLinker linker = new PackageLinker(client, noRetries(), listener);

            linker.link(publication, "app-repo");
            linker.link(publication, "app-repo");

            assertEquals(Optional.of("app-repo"), registry.linkedRepository("acme", "app"));
            assertEquals(2, listener.starting("info").size());
            assertEquals("info Linked package acme/app to repository acme/app-repo.", listener.events.get(0));
        }
    }

    @Test
    void anUnknownRepositoryFailsNamingTheSettingAndKeepsTheFiles() throws Exception {
        try (RegistryEmulator registry = StandardFixture.start();
                RegistryClient client = new RegistryClient(SETTINGS)) {
            Publication publication = published(registry);
            PublishException e = assertThrows(
                    PublishException.class,
                    () -> new PackageLinker(client, noRetries(), listener).link(publication, "no-such-repo"));
            assertTrue(
                    e.getMessage()
                            .startsWith("Linking package acme/app to repository acme/no-such-repo failed;"
                                    + " the files are published."),
                    e.getMessage());
            assertTrue(
                    e.getMessage()
                            .contains("  POST " + registry.baseUrl()
                                    + "/api/v1/packages/acme/generic/app/-/link/no-such-repo failed: HTTP 404"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("Check <linkRepository> (forge.linkRepository)"), e.getMessage());
            assertTrue(e.getMessage().contains("Server: Forgejo 14.0.2+gitea-1.22.0."), e.getMessage());
            assertTrue(registry.versionExists("acme", "app", "1.0"));
        }
    }

    @Test
    void aServerWithoutTheApiGetsAWarningNamingItsVersion() throws Exception {
        try (RegistryEmulator registry = StandardFixture.start(RegistryEmulator.builder()
                        .flavour(Flavour.GITEA)
                        .appVersion("1.23.4")
                        .linkApi(false));
                RegistryClient client = new RegistryClient(SETTINGS)) {
            registry.addRepository("acme", "app-repo");
            Publication publication = published(registry);

            new PackageLinker(client, noRetries(), listener).link(publication, "app-repo");

            assertEquals(
                    List.of("warn Did not link package acme/app to repository acme/app-repo: Gitea 1.23.4 has no API"
                            + " for it (it came with Gitea 1.24 and Forgejo 11). Link it on the package's settings"
                            + " page instead."),
                    listener.events);
            assertFalse(registry.linkedRepository("acme", "app").isPresent());
        }
    }

    @Test
    void detectsForgejoAndGiteaAsTheApiNotesSay() throws Exception {
        try (RegistryEmulator forgejo = StandardFixture.start(Flavour.FORGEJO);
                RegistryEmulator gitea = StandardFixture.start(Flavour.GITEA);
                RegistryClient client = new RegistryClient(SETTINGS)) {
            assertEquals(
                    Optional.of(new ServerVersion("Forgejo", "14.0.2+gitea-1.22.0")),
                    client.serverVersion(RegistryUrl.parse(forgejo.baseUrl()), WRITER));
            assertEquals(
                    Optional.of(new ServerVersion("Gitea", "1.25.3")),
                    client.serverVersion(RegistryUrl.parse(gitea.baseUrl()), WRITER));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "Forgejo, 14.0.2+gitea-1.22.0, true",
        "Forgejo, 11.0.0, true",
        "Forgejo, 10.0.3+gitea-1.22.0, false",
        "Gitea, 1.24.0, true",
        "Gitea, 1.23.8, false",
        "Gitea, 1.25.3, true",
        "Gitea, main-nightly, true"
    })
    void knowsWhichVersionsCanLinkPackages(String product, String version, boolean canLink) {
        assertEquals(canLink, new ServerVersion(product, version).canLinkPackages());
    }

    @Test
    void forgejoIsRecognisedByItsCompatibilitySuffixToo() {
        assertEquals(
                Optional.of(new ServerVersion("Forgejo", "7.0.1+gitea-1.22.0")),
                ServerVersion.of(null, "7.0.1+gitea-1.22.0"));
        assertEquals(Optional.of(new ServerVersion("Gitea", "1.21.11")), ServerVersion.of(null, "1.21.11"));
        assertEquals(Optional.empty(), ServerVersion.of(null, null));
    }

    private Publication published(RegistryEmulator registry) throws Exception {
        registry.store("acme", "app", "1.0", "app-1.0.jar", "jar".getBytes());
        Path file = Files.writeString(dir.resolve("app-1.0.jar"), "jar");
        PublicationPlan plan = PublicationPlan.of(
                new PublicationPlan.Settings(registry.baseUrl(), "acme", "app", "1.0"),
                List.of(new UploadFile("app-1.0.jar", file, "main artifact")));
        return new Publication(plan, WRITER, ExistingFilePolicy.FAIL);
    }

    private static Retrying noRetries() {
        return new Retrying(0, Duration.ZERO, Duration.ZERO, d -> {}, w -> {});
    }
}
