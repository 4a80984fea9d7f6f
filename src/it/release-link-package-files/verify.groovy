import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertStored(registry, 'acme', 'app', '1.0', new File(basedir, 'target/app-1.0.jar'))
    def release = assertRelease(registry, 'acme', 'app', 'v1.0')
    assert release.asset('app-1.0.jar').get().externalUrl() == registry.baseUrl() + '/api/packages/acme/generic/app/1.0/app-1.0.jar'
    def sums = assertRelease(registry, 'acme', 'app', 'v1.0').asset('SHA256SUMS').get()
    assert new String(sums.bytes(), 'UTF-8') == sha256(new File(basedir, 'target/app-1.0.jar').bytes) + '  app-1.0.jar\n'

    assert assetUploads(registry).size() == 2
    assertLogContains(basedir, 'Linked app-1.0.jar to ' + registry.baseUrl() + '/api/packages/acme/generic/app/1.0/app-1.0.jar.')
}
