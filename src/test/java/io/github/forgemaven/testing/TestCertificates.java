package io.github.forgemaven.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A private certificate authority and a server certificate it signed for {@code localhost} and
 * {@code 127.0.0.1}, made with the JDK's {@code keytool} the way an administrator would: what a registry
 * behind a company CA looks like to a client. {@link #trustStore()} holds only the CA, as a user would
 * import it ({@code javax.net.ssl.trustStore}); {@link #serverContext()} serves the signed certificate.
 */
public final class TestCertificates {

    /** The password of every key store here; test material only. */
    public static final String PASSWORD = "changeit";

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** Creates the CA, the server key and certificate, and the trust store in {@code dir}. */
    public static TestCertificates create(Path dir) throws IOException {
        Files.createDirectories(dir);
        TestCertificates certificates = new TestCertificates(dir);
        certificates.make();
        return certificates;
    }

    /** A PKCS12 trust store that holds the CA certificate only. */
    public Path trustStore() {
        return dir.resolve("truststore.p12");
    }

    /** The CA certificate, PEM. */
    public Path caCertificate() {
        return dir.resolve("ca.pem");
    }

    /** A server-side TLS context with the certificate the CA signed for localhost. */
    public SSLContext serverContext() throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve("registry.p12"))) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD.toCharArray());
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load " + dir.resolve("registry.p12"), e);
        }
    }

    /**
     * A PKCS12 key store {@code client.p12} with a key and a certificate the CA signed for client
     * authentication ({@code CN=deployer}), as a user would give it with {@code javax.net.ssl.keyStore}.
     */
    public Path clientKeyStore() throws IOException {
        Path client = dir.resolve("client.p12");
        if (Files.exists(client)) {
            return client;
        }
        String ca = dir.resolve("ca.p12").toString();
        String csr = dir.resolve("client.csr").toString();
        String pem = dir.resolve("client.pem").toString();
        keytool(
                "-genkeypair",
                "-alias",
                "client",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=deployer",
                "-validity",
                "3",
                "-keystore",
                client.toString());
        keytool("-certreq", "-alias", "client", "-keystore", client.toString(), "-file", csr);
        keytool(
                "-gencert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                ca,
                "-infile",
                csr,
                "-outfile",
                pem,
                "-validity",
                "3",
                "-ext",
                "EKU=clientAuth");
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-file",
                caCertificate().toString(),
                "-keystore",
                client.toString());
        keytool("-importcert", "-alias", "client", "-file", pem, "-keystore", client.toString());
        return client;
    }

    /**
     * Like {@link #serverContext()}, and trusting the CA for client certificates: with
     * {@code RegistryEmulator.Builder.requireClientCertificate}, what a server doing mutual TLS checks.
     */
    public SSLContext mutualServerContext() throws IOException {
        try (InputStream keysIn = Files.newInputStream(dir.resolve("registry.p12"));
                InputStream trustIn = Files.newInputStream(trustStore())) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(keysIn, PASSWORD.toCharArray());
            KeyManagerFactory keyFactory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyFactory.init(keys, PASSWORD.toCharArray());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(trustIn, PASSWORD.toCharArray());
            TrustManagerFactory trustFactory =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustFactory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyFactory.getKeyManagers(), trustFactory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load the key and trust stores in " + dir, e);
        }
    }

    private void make() throws IOException {
        String ca = dir.resolve("ca.p12").toString();
        String registry = dir.resolve("registry.p12").toString();
        keytool(
                "-genkeypair",
                "-alias",
                "ca",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=Forge Test CA",
                "-ext",
                "bc:c",
                "-validity",
                "3",
                "-keystore",
                ca);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                ca,
                "-file",
                caCertificate().toString());
        keytool(
                "-genkeypair",
                "-alias",
                "registry",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-validity",
                "3",
                "-keystore",
                registry);
        keytool(
                "-certreq",
                "-alias",
                "registry",
                "-keystore",
                registry,
                "-file",
                dir.resolve("registry.csr").toString());
        keytool(
                "-gencert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                ca,
                "-infile",
                dir.resolve("registry.csr").toString(),
                "-outfile",
                dir.resolve("registry.pem").toString(),
                "-validity",
                "3",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-ext",
                "EKU=serverAuth");
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-file",
                caCertificate().toString(),
                "-keystore",
                registry);
        keytool(
                "-importcert",
                "-alias",
                "registry",
                "-file",
                dir.resolve("registry.pem").toString(),
                "-keystore",
                registry);
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "forge-test-ca",
                "-file",
                caCertificate().toString(),
                "-keystore",
                trustStore().toString());
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }
}
