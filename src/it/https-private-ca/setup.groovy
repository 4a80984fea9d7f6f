import io.github.forgemaven.testing.It
import io.github.forgemaven.testing.RegistryEmulator
import io.github.forgemaven.testing.TestCertificates

// A CA of our own signs the registry's certificate for localhost; tls/truststore.p12 holds only the CA.
def certificates = TestCertificates.create(new File(basedir, 'tls').toPath())
It.setUp(context, RegistryEmulator.builder().tls(certificates.serverContext()))
