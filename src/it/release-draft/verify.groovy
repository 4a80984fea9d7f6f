import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertReleaseDraft(registry, 'acme', 'app', 'v1.0', true)
    assertReleaseAsset(registry, 'acme', 'app', 'v1.0', new File(basedir, 'target/app-1.0.jar'))
    assertReleaseAssetCount(registry, 'acme', 'app', 'v1.0', 2)
    assert requests(registry, 'PATCH', '/api/v1/repos/acme/app/releases').isEmpty()
}
