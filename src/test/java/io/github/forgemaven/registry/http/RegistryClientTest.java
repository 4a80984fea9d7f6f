package io.github.forgemaven.registry.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.forgemaven.registry.Publisher;
import io.github.forgemaven.registry.RecordingListener;
import io.github.forgemaven.registry.plan.PackageCoordinates;
import io.github.forgemaven.registry.plan.PublicationPlan;
import io.github.forgemaven.registry.plan.RegistryUrl;
import io.github.forgemaven.registry.plan.UploadFile;
import io.github.forgemaven.testing.AgainstEmulator;
import io.github.forgemaven.testing.ItAssertions;
import io.github.forgemaven.testing.RecordedRequest;
import io.github.forgemaven.testing.RegistryEmulator;
import io.github.forgemaven.testing.StandardFixture;
import io.github.forgemaven.testing.forge.Flavour;
import io.github.forgemaven.testing.forge.StoredFile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The client over real HTTP against the registry emulator: what goes on the wire and what the server stored. */
@ParameterizedClass
@EnumSource(Flavour.class)
class RegistryClientTest extends AgainstEmulator {

    private RegistryClient client;

    @BeforeEach
    void start() {
        client = new RegistryClient(SETTINGS);
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
    }

    @Test
    void uploadsOneFileWithOnePreemptiveAuthenticatedStreamedPut() throws Exception {
        Path file = randomFile("app-1.0.jar", 300_000);
        URI uri = target("acme", "app", "1.0").fileUri("app-1.0.jar");

        client.upload(uri, file, WRITER);

        List<RecordedRequest> requests = registry.requests();
        assertEquals(1, requests.size(), "no challenge round-trip, no retry");
        RecordedRequest put = requests.get(0);
        assertEquals("PUT", put.method());
        assertEquals("/api/packages/acme/generic/app/1.0/app-1.0.jar", put.rawTarget());
        assertEquals(201, put.status());
        assertEquals(WRITER.authorization(), put.header("Authorization"));
        assertEquals("application/octet-stream", put.header("Content-Type"));
        assertEquals("100-continue", put.header("Expect").toLowerCase());
        assertEquals("forge-maven-plugin/test", put.header("User-Agent"));
        assertEquals("300000", put.header("Content-Length"));
        assertEquals(300_000, put.bodyBytesReceived());
        StoredFile stored = registry.file("acme", "app", "1.0", "app-1.0.jar").orElseThrow();
        assertArrayEquals(Files.readAllBytes(file), stored.bytes());
        assertEquals(ItAssertions.sha256(Files.readAllBytes(file)), stored.sha256());
    }

    @Test
    void setsUpTlsOnlyForAnHttpsConnection() throws Exception {
        Path file = randomFile("app-1.0.jar", 1000);
        client.upload(target("acme", "app", "1.0").fileUri("app-1.0.jar"), file, WRITER);
        assertFalse(client.tlsInitialised(), "an http registry never loads the trust store");

        // The emulator speaks plain HTTP: a TLS handshake with it must fail before any request is sent.
        URI https = URI.create("https://127.0.0.1:" + registry.port() + "/api/packages/acme/generic/app/1.0/b.jar");
        assertThrows(SSLException.class, () -> client.upload(https, file, WRITER));
        assertTrue(client.tlsInitialised());
    }

    @Test
    void namesWithSpacesPlusAndBracketsArriveExactly() throws Exception {
        String fileName = "app+native [linux x64] (1) #2 %.tar.gz";
        Path file = randomFile("f.bin", 10);
        client.upload(target("acme", "te-st_pac.kage", "1.0.3-te st").fileUri(fileName), file, WRITER);
        assertTrue(
                registry.file("acme", "te-st_pac.kage", "1.0.3-te st", fileName).isPresent(),
                () -> registry.requests().toString());
    }

    @Test
    void wrongCredentialsAre401WithoutChallengeAndTheBodyIsNeverSent() throws Exception {
        Path file = randomFile("big.bin", 4 * 1024 * 1024);
        Credentials wrong = Credentials.basic("deployer", "0badc0ffee", "<server> 'x' in settings.xml");

        RegistryResponseException e = assertThrows(
                RegistryResponseException.class,
                () -> client.upload(target("acme", "app", "1.0").fileUri("big.bin"), file, wrong));

        assertEquals(401, e.failure().status());
        assertFalse(e.failure().challenged());
        assertEquals(flavour.authFailedBody().strip(), e.failure().bodyExcerpt());
        assertFalse(e.getMessage().contains("0badc0ffee"));
        assertEquals(1, registry.requests().size());
        assertEquals(0, registry.requests().get(0).bodyBytesSent(), "100-continue keeps the 4 MiB body home");
    }

    @Test
    void theServersVersionIsAskedWithoutCredentialsSoAWrongTokenStillLearnsIt() {
        Credentials wrong = Credentials.basic("deployer", "0badc0ffee", "<server> 'x' in settings.xml");

        Optional<ServerVersion> server = client.serverVersion(RegistryUrl.parse(registry.baseUrl()), wrong);

        assertEquals(
                Optional.of(new ServerVersion(flavour == Flavour.FORGEJO ? "Forgejo" : "Gitea", flavour.version())),
                server);
        List<RecordedRequest> asked = registry.requests();
        assertEquals(
                flavour == Flavour.FORGEJO
                        ? List.of("/api/forgejo/v1/version")
                        : List.of("/api/forgejo/v1/version", "/api/v1/version"),
                asked.stream().map(RecordedRequest::rawTarget).toList());
        asked.forEach(r -> assertNull(r.header("Authorization"), r.rawTarget() + " carried credentials"));
    }

    @Test
    void underStrictSignInViewTheVersionIsAskedAgainWithTheCredentials() {
        try (RegistryEmulator strict = StandardFixture.start(
                RegistryEmulator.builder().flavour(flavour).requireSignInView(true))) {
            Optional<ServerVersion> server = client.serverVersion(RegistryUrl.parse(strict.baseUrl()), WRITER);

            assertEquals(flavour.version(), server.map(ServerVersion::version).orElse("none"));
            assertNull(strict.requests().get(0).header("Authorization"));
            assertEquals(
                    WRITER.authorization(),
                    strict.requests().get(strict.requests().size() - 1).header("Authorization"));
        }
    }

    @Test
    void aReadOnlyTokenIs401WithChallenge() throws Exception {
        Credentials reader = Credentials.basic("deployer", StandardFixture.READ_TOKEN, "<server> 'r' in settings.xml");
        RegistryResponseException e = assertThrows(
                RegistryResponseException.class,
                () -> client.upload(target("acme", "app", "1.0").fileUri("a.bin"), randomFile("a.bin", 10), reader));
        assertEquals(401, e.failure().status());
        assertTrue(e.failure().challenged());
    }

    @Test
    void anExistingFileIs409EvenInAnotherCase() throws Exception {
        Path file = randomFile("a.bin", 10);
        client.upload(target("acme", "app", "1.0").fileUri("A.bin"), file, WRITER);
        RegistryResponseException e = assertThrows(
                RegistryResponseException.class,
                () -> client.upload(target("acme", "app", "1.0").fileUri("a.bin"), file, WRITER));
        assertEquals(409, e.failure().status());
        assertEquals("package file already exists", e.failure().bodyExcerpt());
    }

    @Test
    void aRedirectIsReportedNotFollowed() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer redirecting = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        redirecting.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.getResponseHeaders().add("Location", "https://elsewhere.example/api/packages/x");
            exchange.sendResponseHeaders(308, -1);
            exchange.close();
        });
        redirecting.start();
        try {
            URI uri = URI.create(
                    "http://127.0.0.1:" + redirecting.getAddress().getPort() + "/api/packages/a/generic/b/1/c");
            RegistryResponseException e = assertThrows(
                    RegistryResponseException.class, () -> client.upload(uri, randomFile("c", 10), WRITER));
            assertEquals(308, e.failure().status());
            assertEquals("https://elsewhere.example/api/packages/x", e.failure().location());
            assertEquals(1, hits.get());
        } finally {
            redirecting.stop(0);
        }
    }

    @Test
    void anUploadReturnsTheFingerprintOfWhatWasSent() throws Exception {
        Path file = randomFile("a.bin", 70_000);
        Fingerprint sent = client.upload(target("acme", "app", "1.0").fileUri("a.bin"), file, WRITER);
        assertEquals(Fingerprint.of(file), sent);
        assertEquals(registry.file("acme", "app", "1.0", "a.bin").orElseThrow().sha256(), sent.sha256());
    }

    @Test
    void listsTheFilesOfAVersionWithSizeAndSha256() throws Exception {
        registry.store("acme", "app", "1.0", "b & c.bin", "bb".getBytes());
        registry.store("acme", "app", "1.0", "A.jar", new byte[0]);
        Listing listing = client.list(target("acme", "app", "1.0").listingUri(), WRITER);
        assertTrue(listing.known());
        assertEquals(List.of("A.jar", "b & c.bin"), listing.files().names());
        assertEquals(
                new Fingerprint(0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                listing.files().find("a.JAR").orElseThrow());
        assertEquals(2, listing.files().find("B & C.BIN").orElseThrow().size());
        assertEquals(
                "/api/v1/packages/acme/generic/app/1.0/files",
                registry.requests().get(0).rawTarget());
        assertEquals(WRITER.authorization(), registry.requests().get(0).header("Authorization"));
    }

    @Test
    void aMissingVersionListsNoFilesAndARefusalIsReportedNotThrown() throws Exception {
        Listing missing = client.list(target("acme", "app", "9.9").listingUri(), WRITER);
        assertTrue(missing.known());
        assertEquals(List.of(), missing.files().names());
        Credentials wrong = Credentials.basic("deployer", "nope", "<server> 'x' in settings.xml");
        Listing refused = client.list(target("acme", "app", "1.0").listingUri(), wrong);
        assertFalse(refused.known());
        assertTrue(refused.refusal().startsWith("HTTP 401"), refused.refusal());
    }

    @Test
    void deletesOneFile() throws Exception {
        registry.store("acme", "app", "1.0", "a.bin", "a".getBytes());
        registry.store("acme", "app", "1.0", "b.bin", "b".getBytes());
        client.delete(target("acme", "app", "1.0").fileUri("a.bin"), WRITER);
        assertEquals(
                List.of("b.bin"),
                registry.files("acme", "app", "1.0").stream()
                        .map(StoredFile::name)
                        .toList());
        RegistryResponseException gone = assertThrows(
                RegistryResponseException.class,
                () -> client.delete(target("acme", "app", "1.0").fileUri("a.bin"), WRITER));
        assertEquals(404, gone.failure().status());
    }

    @Test
    void aDryRunListsWhatItWouldUpload() throws Exception {
        PublicationPlan plan = PublicationPlan.of(
                new PublicationPlan.Settings(registry.baseUrl(), "acme", "app", "1.0"),
                List.of(new UploadFile("a.bin", randomFile("a.bin", 10), "main artifact")));
        RecordingListener listener = new RecordingListener();
        Publisher.dryRun(plan, listener);
        assertEquals(
                List.of("would upload a.bin to " + registry.baseUrl() + "/api/packages/acme/generic/app/1.0/a.bin"),
                listener.events);
        // Publisher.dryRun has no client to send with; that a dry run sends nothing is the dry-run IT's.
    }

    private PackageCoordinates target(String owner, String name, String version) {
        return new PackageCoordinates(RegistryUrl.parse(registry.baseUrl()), owner, name, version);
    }

    private Path randomFile(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }
}
