import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertNoRequests(registry)
    assert registry.releaseRows('acme', 'app').isEmpty()
    def jar = new File(basedir, 'target/app-1.0.jar')
    assertLogContains(basedir,
            '[INFO] Dry run: would create or update release v1.0 of acme/app at commit 1c0ffee1c0ffee1c0ffee1c0ffee1c0ffee1c0ff'
                    + ' (release, title \'v1.0\'), with 1 asset(s), ',
            ', and SHA256SUMS; nothing sent.',
            '[INFO]   would upload app-1.0.jar (' + io.github.forgemaven.registry.Sizes.format(jar.length()) + ', main artifact)')
    assert !new File(basedir, 'target/forge-deploy.json').exists()
}
