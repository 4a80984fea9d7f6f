package io.github.forgemaven.testing.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.github.forgemaven.testing.ItAssertions;
import io.github.forgemaven.testing.RegistryEmulator;
import io.github.forgemaven.testing.StandardEmulator;
import io.github.forgemaven.testing.StandardFixture;
import io.github.forgemaven.testing.forge.Flavour;
import io.github.forgemaven.testing.forge.StoredFile;
import io.github.forgemaven.testing.forge.release.GitRepository;
import io.github.forgemaven.testing.forge.release.Release;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP-backed server of conformance mode, against the emulator over loopback: it must see through the
 * public API what the emulator's store holds, and its cleanup must delete what the case made and nothing else.
 */
class RemoteServerTest {

    private static final String CASE = "cf-20261201141503-0a1b2c-some-case";

    @StandardEmulator
    private RegistryEmulator registry;

    private RemoteServer server;

    @BeforeEach
    void connect() {
        server = remoteOf(registry);
    }

    private static RemoteServer remoteOf(RegistryEmulator registry) {
        return new RemoteServer(
                ConformanceConfig.resolve(
                        Map.of(
                                "conformance.url", registry.baseUrl(),
                                "conformance.owner", StandardFixture.ORG,
                                "conformance.username", StandardFixture.DEPLOYER,
                                "conformance.token", StandardFixture.RELEASE_TOKEN,
                                "conformance.repository", StandardFixture.REPOSITORY),
                        Map.of()),
                CASE);
    }

    @Test
    void whatItStoresTheEmulatorHoldsAndItReadsBackTheListingsSha256AndTheBytes() {
        String app = server.name("app");
        byte[] content = "published earlier".getBytes(StandardCharsets.UTF_8);

        server.store("acme", app, "1.0", "APP-1.0-SOURCES.JAR", content);

        StoredFile held =
                registry.file("acme", app, "1.0", "app-1.0-sources.jar").orElseThrow();
        assertArrayEquals(content, held.bytes());
        StoredFile seen = server.file("acme", app, "1.0", "app-1.0-sources.jar").orElseThrow();
        assertEquals("APP-1.0-SOURCES.JAR", seen.name(), "the spelling of the upload");
        assertEquals(ItAssertions.sha256(content), seen.sha256(), "from the listing's sha256 field");
        assertEquals(held.sha256(), seen.sha256());
        assertArrayEquals(content, seen.bytes(), "downloaded");
        assertTrue(server.versionExists("acme", app, "1.0"));
        assertFalse(server.versionExists("acme", app, "2.0"));
        assertEquals(List.of(), server.files("acme", app, "2.0"));
    }

    @Test
    void theItAssertionsPassAndFailOnItAsOnTheEmulator(@TempDir Path dir) throws Exception {
        String app = server.name("app");
        Path local = Files.writeString(dir.resolve("app-1.0.jar"), "the jar");
        server.store("acme", app, "1.0", "app-1.0.jar", Files.readAllBytes(local));

        ItAssertions.assertStored(server, "acme", app, "1.0", local.toFile());
        ItAssertions.assertStored(registry, "acme", app, "1.0", local.toFile());
        Files.writeString(local, "the jar, rebuilt");
        org.junit.jupiter.api.Assertions.assertThrows(
                AssertionError.class, () -> ItAssertions.assertStored(server, "acme", app, "1.0", local.toFile()));
    }

    @Test
    void itSeesReleasesWithTheirAssetsAndTheHeadOfTheDefaultBranch() {
        GitRepository repository = registry.repository("acme", "app");
        String tag = server.name("v1.0");
        repository.addRelease(tag, tag, true, false);
        repository.addAsset(tag, "app-1.0.jar", "jar bytes".getBytes(StandardCharsets.UTF_8));

        Release release = server.release("acme", "app", tag).orElseThrow();
        assertTrue(release.draft(), "a draft, which the run's user may see");
        assertEquals(List.of("app-1.0.jar"), release.assetNames());
        assertArrayEquals(
                "jar bytes".getBytes(StandardCharsets.UTF_8),
                release.asset("app-1.0.jar").orElseThrow().bytes());
        assertEquals(
                ItAssertions.sha256("jar bytes".getBytes(StandardCharsets.UTF_8)),
                release.asset("app-1.0.jar").orElseThrow().sha256());
        assertEquals(repository.head().orElseThrow(), server.headCommit());
    }

    @Test
    void aReleaseItStoresHoldsTheAssetAtTheHeadAndCleanupDeletesItAndItsTag() {
        String tag = server.name("v1.0");
        byte[] content = "not the jar".getBytes(StandardCharsets.UTF_8);

        Release stored = server.storeRelease("acme", "app", tag, "app-1.0.jar", content);

        Release held = registry.release("acme", "app", tag).orElseThrow();
        assertFalse(held.draft(), "published, as an earlier release build left it");
        assertArrayEquals(content, held.asset("app-1.0.jar").orElseThrow().bytes(), "uploaded as multipart");
        assertEquals(List.of("app-1.0.jar"), stored.assetNames());
        assertEquals(
                ItAssertions.sha256(content),
                stored.asset("app-1.0.jar").orElseThrow().sha256());
        GitRepository repository = registry.repository("acme", "app");
        assertEquals(repository.head(), repository.tagCommit(tag), "tagged at the head of the default branch");
        assertTrue(server.tagExists("acme", "app", tag));
        assertFalse(server.tagExists("acme", "app", server.name("v2.0")));

        assertEquals(List.of("release " + tag, "tag " + tag), server.cleanUp());
        assertEquals(Optional.empty(), registry.release("acme", "app", tag));
        assertFalse(server.tagExists("acme", "app", tag));
    }

    @Test
    void anExternalAssetIsSeenAsALinkAndTheForgejoVersionAsReported() {
        GitRepository repository = registry.repository("acme", "app");
        String tag = server.name("v1.0");
        repository.addRelease(tag, tag, true, false);
        String url = registry.baseUrl() + "/api/packages/acme/generic/app/1.0/app-1.0.jar";
        repository.addExternalAsset(tag, "app-1.0.jar", url);

        Release release = server.release("acme", "app", tag).orElseThrow();

        assertEquals(url, release.asset("app-1.0.jar").orElseThrow().externalUrl());
        assertEquals(registry.forgejoVersion(), server.forgejoVersion());
        assertTrue(server.forgejoVersion().orElseThrow().startsWith("14."), "the emulator's Forgejo");
    }

    /**
     * The run's credentials go only to conformance.url's origin: not to an asset's browser_download_url on
     * another (a server whose ROOT_URL differs from the address the run uses, a CDN), and never along a
     * redirect (downloads go on to object storage, whose presigned URLs need none and must not get the token).
     */
    @Test
    void theCredentialsGoOnlyToTheConfiguredServerAndNeverAlongARedirect() throws Exception {
        Map<String, String> forgeSaw = new ConcurrentHashMap<>();
        Map<String, String> elsewhereSaw = new ConcurrentHashMap<>();
        HttpServer elsewhere = serve(
                elsewhereSaw,
                exchange -> answer(
                        exchange, 200, "bytes of " + exchange.getRequestURI().getPath()));
        String other = "http://127.0.0.1:" + elsewhere.getAddress().getPort();
        HttpServer forge = serve(forgeSaw, exchange -> {
            String path = exchange.getRequestURI().getPath();
            String forgeUrl = "http://127.0.0.1:" + exchange.getLocalAddress().getPort();
            if (path.equals("/api/v1/repos/acme/app/releases")) {
                answer(
                        exchange,
                        200,
                        "[{\"id\":1,\"tag_name\":\"v1.0\",\"assets\":["
                                + "{\"id\":1,\"name\":\"app.jar\",\"browser_download_url\":\"" + other
                                + "/cdn/app.jar\"},"
                                + "{\"id\":2,\"name\":\"app.zip\",\"browser_download_url\":\"" + forgeUrl
                                + "/acme/app/releases/download/v1.0/app.zip\"}]}]");
            } else if (path.equals("/api/v1/packages/acme/generic/app/1.0/files")) {
                answer(exchange, 200, "[{\"id\":1,\"name\":\"app-1.0.jar\",\"size\":1}]");
            } else if (path.equals("/acme/app/releases/download/v1.0/app.zip")
                    || path.equals("/api/packages/acme/generic/app/1.0/app-1.0.jar")) {
                exchange.getResponseHeaders().add("Location", other + "/bucket" + path + "?X-Amz-Signature=abc");
                answer(exchange, 302, "");
            } else {
                answer(exchange, 404, "");
            }
        });
        try {
            RemoteServer remote = new RemoteServer(
                    ConformanceConfig.resolve(
                            Map.of(
                                    "conformance.url",
                                    "http://127.0.0.1:" + forge.getAddress().getPort(),
                                    "conformance.owner",
                                    "acme",
                                    "conformance.username",
                                    "cf-user",
                                    "conformance.token",
                                    StandardFixture.RELEASE_TOKEN),
                            Map.of()),
                    CASE);

            Release release = remote.release("acme", "app", "v1.0").orElseThrow();
            byte[] file = remote.file("acme", "app", "1.0", "app-1.0.jar")
                    .orElseThrow()
                    .bytes();

            assertEquals(
                    "bytes of /cdn/app.jar",
                    new String(release.asset("app.jar").orElseThrow().bytes(), StandardCharsets.UTF_8));
            assertEquals(
                    "bytes of /bucket/acme/app/releases/download/v1.0/app.zip",
                    new String(release.asset("app.zip").orElseThrow().bytes(), StandardCharsets.UTF_8),
                    "the redirect followed");
            assertEquals(
                    "bytes of /bucket/api/packages/acme/generic/app/1.0/app-1.0.jar",
                    new String(file, StandardCharsets.UTF_8));
            assertEquals(
                    Map.of(
                            "/cdn/app.jar", "",
                            "/bucket/acme/app/releases/download/v1.0/app.zip", "",
                            "/bucket/api/packages/acme/generic/app/1.0/app-1.0.jar", ""),
                    elsewhereSaw,
                    "no Authorization header elsewhere");
            String basic = "Basic "
                    + Base64.getEncoder()
                            .encodeToString(
                                    ("cf-user:" + StandardFixture.RELEASE_TOKEN).getBytes(StandardCharsets.UTF_8));
            assertEquals(
                    Map.of(
                            "/api/v1/repos/acme/app/releases", basic,
                            "/acme/app/releases/download/v1.0/app.zip", basic,
                            "/api/v1/packages/acme/generic/app/1.0/files", basic,
                            "/api/packages/acme/generic/app/1.0/app-1.0.jar", basic),
                    forgeSaw,
                    "the configured server gets them");
        } finally {
            forge.stop(0);
            elsewhere.stop(0);
        }
    }

    @Test
    void theOriginIsSchemeHostAndPort() {
        assertTrue(RemoteServer.sameOrigin(
                URI.create("https://Forge.example/a"), URI.create("https://forge.example:443")));
        assertTrue(
                RemoteServer.sameOrigin(URI.create("http://forge.example:80/a"), URI.create("http://forge.example")));
        assertFalse(RemoteServer.sameOrigin(URI.create("http://forge.example/a"), URI.create("https://forge.example")));
        assertFalse(RemoteServer.sameOrigin(
                URI.create("https://forge.example:3000/"), URI.create("https://forge.example")));
        assertFalse(RemoteServer.sameOrigin(
                URI.create("https://cdn.forge.example/a"), URI.create("https://forge.example")));
    }

    /** A server that records each request's path and Authorization header ("" without one). */
    private static HttpServer serve(Map<String, String> saw, HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            saw.put(exchange.getRequestURI().getPath(), authorization == null ? "" : authorization);
            handler.handle(exchange);
        });
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void itLinksAssetsWhereTheEmulatorOfThatServerDoes() throws Exception {
        assertTrue(registry.linksAssets(), "Forgejo 14");
        assertTrue(server.linksAssets());
        for (RegistryEmulator.Builder older : List.of(
                RegistryEmulator.builder().appVersion("8.0.3+gitea-1.21.11"),
                RegistryEmulator.builder().flavour(Flavour.GITEA))) {
            try (RegistryEmulator other = StandardFixture.start(older);
                    RemoteServer remote = remoteOf(other)) {
                assertFalse(other.linksAssets(), other.flavour() + " " + other.forgejoVersion());
                assertFalse(remote.linksAssets(), other.flavour() + " " + other.forgejoVersion());
            }
        }
    }

    @Test
    void theListingShowsTheRepositoryAPackageIsLinkedTo() throws Exception {
        String app = server.name("app");
        server.store("acme", app, "1.0", "app-1.0.jar", new byte[] {1});
        assertEquals(Optional.empty(), server.linkedRepository("acme", app));

        HttpResponse<String> link = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        registry.baseUrl() + "/api/v1/packages/acme/generic/" + app + "/-/link/app"))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(("deployer:" + StandardFixture.RELEASE_TOKEN)
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertEquals(201, link.statusCode(), link.body());
        assertEquals(Optional.of("app"), server.linkedRepository("acme", app), "the package JSON's repository");
    }

    @Test
    void cleanupDeletesThePackagesReleasesAndTagsOfTheCaseAndNothingElse() {
        String app = server.name("app");
        server.store("acme", app, "1.0", "app-1.0.jar", new byte[] {1});
        server.store("acme", app, "2.0-SNAPSHOT", "app-2.0-SNAPSHOT.jar", new byte[] {2});
        server.store("acme", server.name("lib"), "1.0", "lib-1.0.jar", new byte[] {3});
        registry.store("acme", "app", "1.0", "app-1.0.jar", new byte[] {4});
        registry.store("acme", CASE.replace("some-case", "other-case") + "-app", "1.0", "x.jar", new byte[] {5});
        GitRepository repository = registry.repository("acme", "app");
        String tag = server.name("v1.0");
        repository.addRelease(tag, tag, false, false);
        repository.addRelease("v0.9", "v0.9", false, false);

        List<String> deleted = server.cleanUp();

        assertEquals(
                List.of(
                        "package " + app + "/1.0",
                        "package " + app + "/2.0-SNAPSHOT",
                        "package " + CASE + "-lib/1.0",
                        "release " + tag,
                        "tag " + tag),
                deleted.stream().sorted().toList());
        assertEquals(List.of(), registry.versions("acme", app));
        assertEquals(List.of(), registry.versions("acme", CASE + "-lib"));
        assertEquals(Optional.empty(), registry.release("acme", "app", tag));
        assertEquals(Optional.empty(), repository.tagCommit(tag));
        assertEquals(List.of("1.0"), registry.versions("acme", "app"), "not the case's");
        assertEquals(
                1,
                registry.versions("acme", CASE.replace("some-case", "other-case") + "-app")
                        .size());
        assertTrue(registry.release("acme", "app", "v0.9").isPresent());
        assertEquals(List.of(), server.cleanUp(), "nothing left the second time");
    }
}
