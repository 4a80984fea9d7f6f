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
import javax.net.ssl.TrustManager;
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
        return serverContext(null);
    }

    /**
     * A PKCS12 key store {@code client.p12} with a key and a certificate the CA signed for client
     * authentication ({@code CN=deployer}), as a user would give it with {@code javax.net.ssl.keyStore}.
     */
    public Path clientKeyStore() throws IOException {
        Path client = dir.resolve("client.p12");
        if (!Files.exists(client)) {
            signedKeyStore("client", "CN=deployer", client, "EKU=clientAuth");
        }
        return client;
    }

    /**
     * Like {@link #serverContext()}, and trusting the CA for client certificates: with
     * {@code RegistryEmulator.Builder.requireClientCertificate}, what a server doing mutual TLS checks.
     */
    public SSLContext mutualServerContext() throws IOException {
        try (InputStream trustIn = Files.newInputStream(trustStore())) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(trustIn, PASSWORD.toCharArray());
            TrustManagerFactory trustFactory =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustFactory.init(trust);
            return serverContext(trustFactory.getTrustManagers());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load " + trustStore(), e);
        }
    }

    /** The server's key and certificate, trusting {@code trust} for client certificates (none: no client certificates). */
    private SSLContext serverContext(TrustManager[] trust) throws IOException {
        try (InputStream in = Files.newInputStream(dir.resolve("registry.p12"))) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, PASSWORD.toCharArray());
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load " + dir.resolve("registry.p12"), e);
        }
    }

    private void make() throws IOException {
        String ca = dir.resolve("ca.p12").toString();
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
        signedKeyStore(
                "registry",
                "CN=localhost",
                dir.resolve("registry.p12"),
                "SAN=dns:localhost,ip:127.0.0.1",
                "EKU=serverAuth");
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

    /**
     * A key store {@code store} with a new key {@code alias} for {@code dname}, its certificate signed by
     * the CA with the given {@code -ext} extensions, and the CA's certificate: the chain a TLS peer presents.
     */
    private void signedKeyStore(String alias, String dname, Path store, String... extensions) throws IOException {
        String keystore = store.toString();
        String csr = dir.resolve(alias + ".csr").toString();
        String pem = dir.resolve(alias + ".pem").toString();
        keytool(
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                dname,
                "-validity",
                "3",
                "-keystore",
                keystore);
        keytool("-certreq", "-alias", alias, "-keystore", keystore, "-file", csr);
        List<String> gencert = new ArrayList<>(List.of(
                "-gencert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                dir.resolve("ca.p12").toString(),
                "-infile",
                csr,
                "-outfile",
                pem,
                "-validity",
                "3"));
        for (String extension : extensions) {
            gencert.addAll(List.of("-ext", extension));
        }
        keytool(gencert.toArray(String[]::new));
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-file",
                caCertificate().toString(),
                "-keystore",
                keystore);
        keytool("-importcert", "-alias", alias, "-file", pem, "-keystore", keystore);
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
