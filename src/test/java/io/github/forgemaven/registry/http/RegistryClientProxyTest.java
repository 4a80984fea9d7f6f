package io.github.forgemaven.registry.http;

import static io.github.forgemaven.testing.AgainstEmulator.WRITER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.registry.FailureHints;
import io.github.forgemaven.registry.plan.PackageCoordinates;
import io.github.forgemaven.registry.plan.RegistryUrl;
import io.github.forgemaven.registry.plan.UploadFile;
import io.github.forgemaven.testing.RecordedRequest;
import io.github.forgemaven.testing.RecordingProxy;
import io.github.forgemaven.testing.RecordingProxy.ProxiedRequest;
import io.github.forgemaven.testing.RegistryEmulator;
import io.github.forgemaven.testing.StandardEmulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client through a real forward proxy on loopback, in front of the registry emulator. */
class RegistryClientProxyTest {

    private static final String PROXY_USER = "proxy-user";
    private static final String PROXY_PASSWORD = "proxy-Pa55word";
    private static final String SOURCE = "<proxy> 'corp' in settings.xml";

    @TempDir
    Path dir;

    @StandardEmulator
    private RegistryEmulator registry;

    private RecordingProxy proxy;

    @BeforeEach
    void start() {
        proxy = RecordingProxy.start(PROXY_USER, PROXY_PASSWORD);
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    @Test
    void anUploadGoesThroughTheProxyWithItsCredentialsSentOnlyToTheProxy() throws Exception {
        Path file = randomFile("app-1.0.jar", 300_000);
        URI uri = target().fileUri("app-1.0.jar");

        try (RegistryClient client = client(PROXY_PASSWORD)) {
            client.upload(uri, file, WRITER);
        }

        List<ProxiedRequest> seen = proxy.requests();
        assertEquals(1, seen.size(), "preemptive: no 407 round-trip, so the body goes once: " + seen);
        ProxiedRequest put = seen.get(0);
        assertEquals("PUT " + uri + " HTTP/1.1", put.requestLine());
        assertEquals(basic(PROXY_USER, PROXY_PASSWORD), put.proxyAuthorization());
        assertEquals(201, put.status());
        assertEquals(300_000, put.bodyBytes());

        RecordedRequest arrived = registry.requests().get(0);
        assertEquals("/api/packages/acme/generic/app/1.0/app-1.0.jar", arrived.rawTarget());
        assertNull(arrived.header("Proxy-Authorization"), "proxy credentials stay with the proxy");
        assertEquals(WRITER.authorization(), arrived.header("Authorization"));
        assertEquals(300_000, arrived.bodyBytesReceived());
        assertArrayEquals(
                Files.readAllBytes(file),
                registry.file("acme", "app", "1.0", "app-1.0.jar").orElseThrow().bytes());
    }

    @Test
    void listingAndDeletingGoThroughTheProxyToo() throws Exception {
        try (RegistryClient client = client(PROXY_PASSWORD)) {
            client.upload(target().fileUri("a.bin"), randomFile("a.bin", 10), WRITER);
            Listing listing = client.list(target().listingUri(), WRITER);
            assertTrue(listing.files().find("a.bin").isPresent(), listing.toString());
            client.delete(target().fileUri("a.bin"), WRITER);
        }
        assertEquals(
                List.of("PUT", "GET", "DELETE"),
                proxy.requests().stream().map(ProxiedRequest::method).toList());
        assertTrue(proxy.requests().stream()
                .allMatch(r -> basic(PROXY_USER, PROXY_PASSWORD).equals(r.proxyAuthorization())));
        assertTrue(registry.requests().stream().allMatch(r -> r.header("Proxy-Authorization") == null));
        assertTrue(registry.file("acme", "app", "1.0", "a.bin").isEmpty());
    }

    @Test
    void wrongProxyCredentialsAre407NamingTheProxyAndTheBodyStaysHome() throws Exception {
        Path file = randomFile("big.bin", 4 * 1024 * 1024);
        ClientSettings settings = settings("wrong-password");
        RegistryResponseException e;
        try (RegistryClient client = new RegistryClient(settings)) {
            e = assertThrows(
                    RegistryResponseException.class, () -> client.upload(target().fileUri("big.bin"), file, WRITER));
        }
        assertEquals(407, e.failure().status());
        assertTrue(registry.requests().isEmpty(), "nothing reached the registry");
        assertFalse(proxy.requests().isEmpty());
        assertTrue(
                proxy.requests().stream().allMatch(r -> r.status() == 407 && r.bodyBytes() == 0),
                "100-continue keeps the 4 MiB body home: " + proxy.requests());

        String hint = FailureHints.forResponse(
                e.failure(),
                target(),
                new UploadFile("big.bin", file, "main artifact"),
                WRITER,
                Optional.empty(),
                settings);
        assertTrue(
                hint.startsWith("The proxy " + SOURCE + " (127.0.0.1:" + proxy.port()
                        + ") did not accept the credentials of user 'proxy-user'"),
                hint);
        assertFalse(hint.contains("wrong-password"), hint);
    }

    @Test
    void missingProxyCredentialsSayWhatToAdd() {
        ProxySettings anonymous = new ProxySettings("127.0.0.1", 3128, null, null, SOURCE);
        HttpFailure failure = new HttpFailure("PUT", target().fileUri("a.bin"), 407, "", false, null, "", null);
        String hint = FailureHints.forResponse(
                failure,
                target(),
                new UploadFile("a.bin", Path.of("a.bin"), "main artifact"),
                WRITER,
                Optional.empty(),
                new ClientSettings("ua", Duration.ofSeconds(1), Duration.ofSeconds(1), 1, anonymous));
        assertTrue(hint.contains("add <username> and <password> to that <proxy>"), hint);
    }

    @Test
    void aProxyThatIsNotRunningIsNamedInTheHint() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ClientSettings settings = new ClientSettings(
                "ua",
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                1,
                new ProxySettings("127.0.0.1", closedPort, null, null, SOURCE));
        URI uri = target().fileUri("a.bin");
        IOException e;
        try (RegistryClient client = new RegistryClient(settings)) {
            e = assertThrows(IOException.class, () -> client.upload(uri, randomFile("a.bin", 10), WRITER));
        }
        String hint = FailureHints.forTransport(e, uri, settings);
        assertTrue(
                hint.startsWith("Nothing accepted a connection at " + SOURCE + " (127.0.0.1:" + closedPort
                        + "), which requests to 127.0.0.1 go through"),
                hint);
        assertTrue(registry.requests().isEmpty());
    }

    @Test
    void anHttpsTargetIsTunnelledWithProxyCredentialsOnTheConnectOnly() throws Exception {
        // The emulator speaks no TLS, so the handshake inside the tunnel fails; what matters is what the proxy saw.
        URI uri = URI.create("https://127.0.0.1:" + registry.port() + "/api/packages/acme/generic/app/1.0/a.bin");
        try (RegistryClient client = client(PROXY_PASSWORD)) {
            assertThrows(IOException.class, () -> client.upload(uri, randomFile("a.bin", 100_000), WRITER));
        }
        List<ProxiedRequest> seen = proxy.requests();
        assertEquals(1, seen.size(), "preemptive on the CONNECT too: " + seen);
        assertEquals(
                "CONNECT 127.0.0.1:" + registry.port() + " HTTP/1.1",
                seen.get(0).requestLine());
        assertEquals(basic(PROXY_USER, PROXY_PASSWORD), seen.get(0).proxyAuthorization());
        assertEquals(200, seen.get(0).status());
        assertNull(seen.get(0).header("Authorization"), "the registry's token travels inside the tunnel only");
        assertTrue(registry.requests().stream().noneMatch(r -> r.method().equals("PUT")));
    }

    @Test
    void wrongProxyCredentialsForAnHttpsTargetStopAtTheTunnel() throws Exception {
        URI uri = URI.create("https://127.0.0.1:" + registry.port() + "/api/packages/acme/generic/app/1.0/a.bin");
        RegistryResponseException e;
        try (RegistryClient client = client("wrong-password")) {
            e = assertThrows(
                    RegistryResponseException.class, () -> client.upload(uri, randomFile("a.bin", 100_000), WRITER));
        }
        assertEquals(407, e.failure().status());
        assertTrue(proxy.requests().stream().allMatch(r -> r.method().equals("CONNECT") && r.status() == 407));
        assertTrue(registry.requests().isEmpty());
    }

    private RegistryClient client(String proxyPassword) {
        return new RegistryClient(settings(proxyPassword));
    }

    private ClientSettings settings(String proxyPassword) {
        return new ClientSettings(
                "forge-maven-plugin/test",
                Duration.ofSeconds(5),
                Duration.ofSeconds(20),
                2,
                new ProxySettings(proxy.host(), proxy.port(), PROXY_USER, proxyPassword, SOURCE));
    }

    private PackageCoordinates target() {
        return new PackageCoordinates(RegistryUrl.parse(registry.baseUrl()), "acme", "app", "1.0");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private Path randomFile(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }
}
