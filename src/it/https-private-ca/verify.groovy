import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def url = registry.baseUrl()
    assert url.startsWith('https://localhost:')
    // Only the second build got through the handshake: one PUT, and the stored bytes are the jar's.
    assertStored(registry, 'acme', 'app', '1.0', new File(basedir, 'target/app-1.0.jar'))
    assert puts(registry).size() == 1
    assertLogContains(basedir,
        "The TLS handshake with localhost:${registry.port()} failed (",
        'If the server\'s certificate comes from a private CA, import the CA\'s certificate into a trust store',
        "Uploaded app-1.0.jar (",
        ") to ${url}/api/packages/acme/generic/app/1.0/app-1.0.jar")
    assertNoSecretIn(basedir, registry, 'deployer', io.github.forgemaven.testing.StandardFixture.WRITE_TOKEN)
}
