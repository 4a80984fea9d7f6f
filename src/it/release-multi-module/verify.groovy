import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def a = new File(basedir, 'a/target/a-1.0.jar')
    def b = new File(basedir, 'b/target/b-1.0.jar')
    assertReleaseAsset(registry, 'acme', 'app', 'v1.0', a)
    assertReleaseAsset(registry, 'acme', 'app', 'v1.0', b)
    assertReleaseAssetCount(registry, 'acme', 'app', 'v1.0', 3)
    assertReleaseDraft(registry, 'acme', 'app', 'v1.0', false)
    assert registry.releaseRows('acme', 'app').size() == 1
    assert requests(registry, 'POST', '/api/v1/repos/acme/app/releases').findAll { it.rawTarget() == '/api/v1/repos/acme/app/releases' }.size() == 1
    def sums = new String(assertRelease(registry, 'acme', 'app', 'v1.0').asset('SHA256SUMS').get().bytes(), 'UTF-8')
    assert sums.contains(sha256(a.bytes) + '  a-1.0.jar\n')
    assert sums.contains(sha256(b.bytes) + '  b-1.0.jar\n')
    assertLogContains(basedir, 'wait for the last module running forge:release.')
}
