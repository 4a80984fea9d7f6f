import io.github.forgemaven.testing.RegistryEmulator
import io.github.forgemaven.testing.StandardFixture
import io.github.forgemaven.testing.TestCertificates

// A CA of our own signs the registry's certificate for localhost; tls/truststore.p12 holds only the CA.
def certificates = TestCertificates.create(new File(basedir, 'tls').toPath())
def registry = StandardFixture.start(RegistryEmulator.builder().tls(certificates.serverContext()))
context.put('registry', registry)
context.get('userProperties').put('it.registry.url', registry.baseUrl())
true
