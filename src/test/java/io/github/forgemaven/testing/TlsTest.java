package io.github.forgemaven.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emulator over HTTPS with a certificate from a private CA: trusted with the CA, refused without it. */
class TlsTest {

    @TempDir
    static Path dir;

    private static TestCertificates certificates;
    private static RegistryEmulator emulator;

    @BeforeAll
    static void start() throws Exception {
        certificates = TestCertificates.create(dir.resolve("tls"));
        emulator = StandardFixture.start(RegistryEmulator.builder().tls(certificates.serverContext()));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void aClientThatTrustsTheCaUploadsOverHttps() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trustingTheCa()).build();
        String url = emulator.baseUrl() + "/api/packages/acme/generic/app/1.0/app.bin";
        HttpRequest put = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", basic())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[100_000]))
                .build();

        assertEquals(
                201, client.send(put, HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(
                100_000,
                emulator.file("acme", "app", "1.0", "app.bin").orElseThrow().bytes().length);
        assertEquals("https://localhost:" + emulator.port(), emulator.baseUrl());
    }

    @Test
    void aClientWithTheDefaultTrustStoreRefusesTheCertificate() {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest get = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/api/v1/version"))
                .build();

        assertThrows(SSLHandshakeException.class, () -> client.send(get, HttpResponse.BodyHandlers.discarding()));
    }

    private static SSLContext trustingTheCa() throws Exception {
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

    private static String basic() {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((StandardFixture.DEPLOYER + ":" + StandardFixture.WRITE_TOKEN).getBytes());
    }
}
