package io.github.forgemaven.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy's {@link RecordingProxy#route routes}, with which an IT's plain {@code http://} URL naming a host
 * that is not this machine reaches a server on loopback, or a real one on https.
 */
class RecordingProxyTest {

    private static final String URL = "http://forge.insecure.test/api/packages/acme/generic/app/1.0/app.bin";

    @TempDir
    Path dir;

    @Test
    void aRoutedRequestReachesTheServerWithItsHostHeader() throws Exception {
        try (RegistryEmulator emulator = StandardFixture.start();
                RecordingProxy proxy =
                        RecordingProxy.start().route("forge.insecure.test", URI.create(emulator.baseUrl()))) {
            assertEquals(201, put(proxy));

            assertEquals(
                    100,
                    emulator.file("acme", "app", "1.0", "app.bin").orElseThrow().bytes().length);
            assertEquals(
                    "127.0.0.1:" + emulator.port(),
                    emulator.requests().get(emulator.requests().size() - 1).header("Host"));
            List<RecordingProxy.ProxiedRequest> seen = proxy.requests("PUT");
            assertEquals("PUT " + URL + " HTTP/1.1", seen.get(0).requestLine());
            assertEquals(201, seen.get(0).status());
        }
    }

    @Test
    void aRouteToAnHttpsServerSpeaksTlsToIt() throws Exception {
        TestCertificates certificates = TestCertificates.create(dir.resolve("tls"));
        try (RegistryEmulator emulator =
                        StandardFixture.start(RegistryEmulator.builder().tls(certificates.serverContext()));
                RecordingProxy trusting = RecordingProxy.start()
                        .route("forge.insecure.test", URI.create(emulator.baseUrl()), trustingTheCa(certificates));
                RecordingProxy notTrusting = RecordingProxy.start()
                        .route("forge.insecure.test", URI.create(emulator.baseUrl()), SSLContext.getDefault())) {
            assertEquals(201, put(trusting));
            assertEquals(
                    100,
                    emulator.file("acme", "app", "1.0", "app.bin").orElseThrow().bytes().length);
            assertEquals(
                    "localhost:" + emulator.port(),
                    emulator.requests().get(emulator.requests().size() - 1).header("Host"));

            // The server's certificate is checked: without its CA the handshake fails, and the proxy says 502.
            assertEquals(502, put(notTrusting));
        }
    }

    private static int put(RecordingProxy proxy) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .proxy(ProxySelector.of(new InetSocketAddress(proxy.host(), proxy.port())))
                .build();
        String basic = Base64.getEncoder()
                .encodeToString((StandardFixture.DEPLOYER + ":" + StandardFixture.WRITE_TOKEN)
                        .getBytes(StandardCharsets.UTF_8));
        HttpRequest put = HttpRequest.newBuilder(URI.create(URL))
                .header("Authorization", "Basic " + basic)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[100]))
                .build();
        return client.send(put, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static SSLContext trustingTheCa(TestCertificates certificates) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certificates.trustStore())) {
            trusted.load(in, TestCertificates.PASSWORD.toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
