import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertReleaseAsset(registry, 'acme', 'app', 'v1.0', new File(basedir, 'target/app-1.0.jar'))
    assertReleaseAssetCount(registry, 'acme', 'app', 'v1.0', 2)
    assertReleaseDraft(registry, 'acme', 'app', 'v1.0', false)
    assert assetUploads(registry)*.status == [504, 201]
    assertLogContains(basedir, 'The upload of app-1.0.jar failed, but the server had stored it (asset id ')
}
