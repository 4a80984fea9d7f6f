import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), repo = registry.repository(), tag = registry.name('v1.0')
    assertReleaseAsset(registry, owner, repo, tag, new File(basedir, 'target/app-1.0.jar'))
    assertReleaseAssetCount(registry, owner, repo, tag, 2)
    It.emulatorOnly(context, 'that the second build deleted the old asset with one DELETE') { emulator ->
        assert requests(emulator, 'DELETE', '/api/v1/repos/acme/app/releases/').size() == 1
    }
    assertLogContains(basedir, 'Release ' + tag + ' of ' + owner + '/' + repo + ' already holds app-1.0.jar (',
            'with other content: nothing was changed. Set <onExisting>replace</onExisting>',
            'Deleted app-1.0.jar (id ')
}
