import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), repo = registry.repository(), tag = registry.name('v1.0')
    assertReleaseAsset(registry, owner, repo, tag, new File(basedir, 'target/app-1.0.jar'))
    assertReleaseAssetCount(registry, owner, repo, tag, 2)
    It.emulatorOnly(context, 'that the second run sent no write') { emulator ->
        // The uploads are the first run's (the jar and SHA256SUMS); the second run wrote nothing.
        assert assetUploads(emulator).size() == 2
        assert requests(emulator, 'POST', '/api/v1/repos/acme/app/releases').size() == 3
        assert requests(emulator, 'PATCH', '/api/v1/repos/acme/app/releases').size() == 1
        assert requests(emulator, 'DELETE', '/api/v1/repos/acme/app').isEmpty()
    }
    assertLogContains(basedir, 'Release ' + tag + ' of ' + owner + '/' + repo + ' exists (published, 2 asset(s)): keeping what is identical, adding what is missing.',
            '(2 asset(s), 0 sent, 2 kept).')
}
