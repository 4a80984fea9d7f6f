import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), repo = registry.repository(), tag = registry.name('v1.0')
    assertReleaseDraft(registry, owner, repo, tag, true)
    assertReleaseAsset(registry, owner, repo, tag, new File(basedir, 'target/app-1.0.jar'))
    assertReleaseAssetCount(registry, owner, repo, tag, 2)
    It.emulatorOnly(context, 'that no PATCH was sent to the release') { emulator ->
        assert requests(emulator, 'PATCH', '/api/v1/repos/acme/app/releases').isEmpty()
    }
}
