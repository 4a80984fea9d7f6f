import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertReleaseAsset(registry, 'acme', 'app', 'v1.0', new File(basedir, 'target/app-1.0.jar'))
    assertReleaseAssetCount(registry, 'acme', 'app', 'v1.0', 2)
    assert requests(registry, 'DELETE', '/api/v1/repos/acme/app/releases/').size() == 1
    assertLogContains(basedir, 'Release v1.0 of acme/app already holds app-1.0.jar (',
            'with other content: nothing was changed. Set <onExisting>replace</onExisting>',
            'Deleted app-1.0.jar (id ')
}
