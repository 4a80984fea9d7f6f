import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertStored(registry, 'acme', 'app', '1.0', new File(basedir, 'target/app-1.0.jar'))
    def release = assertRelease(registry, 'acme', 'app', 'v1.0')
    assert !release.draft()
    assert release.target() == '1c0ffee1c0ffee1c0ffee1c0ffee1c0ffee1c0ff'
    assertReleaseAsset(registry, 'acme', 'app', 'v1.0', new File(basedir, 'target/app-1.0.jar'))
    assertReleaseAssetCount(registry, 'acme', 'app', 'v1.0', 2)
    def sums = assertRelease(registry, 'acme', 'app', 'v1.0').asset('SHA256SUMS').get()
    assert new String(sums.bytes(), 'UTF-8') == sha256(new File(basedir, 'target/app-1.0.jar').bytes) + '  app-1.0.jar\n'

    // Created as a draft, published by a PATCH after the last asset.
    def create = requests(registry, 'POST', '/api/v1/repos/acme/app/releases').find { it.rawTarget() == '/api/v1/repos/acme/app/releases' }
    assert create.status() == 201
    assert requests(registry, 'PATCH', '/api/v1/repos/acme/app/releases/')*.status == [200]
    def json = new File(basedir, 'target/forge-deploy.json').getText('UTF-8')
    assert json.contains('"release": {"tag": "v1.0", "url": "' + registry.baseUrl() + '/acme/app/releases/tag/v1.0", "draft": false')
    assert json.contains('"files": [')
    assertLogContains(basedir, 'Created draft release v1.0 of acme/app at 1c0ffee1c0ffee1c0ffee1c0ffee1c0ffee1c0ff.', 'Published release v1.0 of acme/app.',
            'Release v1.0: ' + registry.baseUrl() + '/acme/app/releases/tag/v1.0 (2 asset(s), 2 sent, 0 kept).')
}
