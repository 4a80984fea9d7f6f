import io.github.forgemaven.testing.It
import io.github.forgemaven.testing.RegistryEmulator
import io.github.forgemaven.testing.TestCertificates

// A CA of our own signs the registry's certificate and the client's (tls/client.p12); the registry
// accepts only TLS clients that present a certificate of that CA.
def certificates = TestCertificates.create(new File(basedir, 'tls').toPath())
certificates.clientKeyStore()
It.setUp(context, RegistryEmulator.builder().tls(certificates.mutualServerContext()).requireClientCertificate(true))
