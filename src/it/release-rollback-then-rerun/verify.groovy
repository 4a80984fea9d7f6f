import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertReleaseAsset(registry, 'acme', 'app', 'v1.0', new File(basedir, 'target/app-1.0.jar'))
    assertReleaseAssetCount(registry, 'acme', 'app', 'v1.0', 2)
    assertReleaseDraft(registry, 'acme', 'app', 'v1.0', false)
    // The first run's draft was deleted (a tag-only row is what a deleted draft leaves), the second converted it.
    assert registry.releaseRows('acme', 'app').size() == 1
    assert requests(registry, 'DELETE', '/api/v1/repos/acme/app/releases/')*.status == [204]
    assertLogContains(basedir, 'failed: HTTP 413',
            'Something in front of the server (a reverse proxy) refused a body of ',
            'client_max_body_size',
            'Rolled back: deleted the draft release v1.0 this run created (with its 0 asset(s)).',
            'Fix the cause and run the same build again')
}
