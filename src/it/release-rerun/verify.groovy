import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertReleaseAsset(registry, 'acme', 'app', 'v1.0', new File(basedir, 'target/app-1.0.jar'))
    assertReleaseAssetCount(registry, 'acme', 'app', 'v1.0', 2)
    // The uploads are the first run's (the jar and SHA256SUMS); the second run wrote nothing.
    assert assetUploads(registry).size() == 2
    assert requests(registry, 'POST', '/api/v1/repos/acme/app/releases').size() == 3
    assert requests(registry, 'PATCH', '/api/v1/repos/acme/app/releases').size() == 1
    assert requests(registry, 'DELETE', '/api/v1/repos/acme/app').isEmpty()
    assertLogContains(basedir, 'Release v1.0 of acme/app exists (published, 2 asset(s)): keeping what is identical, adding what is missing.',
            '(2 asset(s), 0 sent, 2 kept).')
}
