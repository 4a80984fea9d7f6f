import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It
import io.github.forgemaven.testing.ReleaseCycle

It.verify(context) { registry ->
    def remote = ReleaseCycle.remote(basedir)
    // prepare pushed the tag; the forge's copy saw it as a push.
    assert ReleaseCycle.git(remote, 'tag', '--list') == 'release-app-1.0'
    def tagged = ReleaseCycle.git(remote, 'rev-parse', 'release-app-1.0^{commit}')
    assert ReleaseCycle.git(remote, 'show', 'release-app-1.0:pom.xml').contains('<tag>release-app-1.0</tag>')

    // perform's forked build of the tag published the package version...
    def jar = new File(basedir, 'target/checkout/target/release-app-1.0.jar')
    assert jar.isFile() : 'release:perform did not build the tag in target/checkout'
    assertStored(registry, 'acme', 'release-app', '1.0', jar)
    assertFileCount(registry, 'acme', 'release-app', '1.0', 1)

    // ...and turned the tag-only row of the pushed tag into the release, in place: one row, published.
    def rows = registry.releaseRows('acme', 'release-app')
    assert rows.size() == 1
    def release = assertRelease(registry, 'acme', 'release-app', 'release-app-1.0')
    assert !release.tagOnly()
    assert !release.draft()
    assert release.sha() == tagged
    assert release.target() == tagged : 'target_commitish is the commit of the checkout, which is the tag\'s'
    assertReleaseAsset(registry, 'acme', 'release-app', 'release-app-1.0', jar)
    assertReleaseAssetCount(registry, 'acme', 'release-app', 'release-app-1.0', 2)
    def sums = release.asset('SHA256SUMS').get()
    assert new String(sums.bytes(), 'UTF-8') == sha256(jar.bytes) + '  release-app-1.0.jar\n'
    assert release.asset('release-app-1.0.jar').get().sha256() == sha256(jar.bytes)

    // The create was the convert path: its 201 carries the id of the tag-only row.
    def create = requests(registry, 'POST', '/api/v1/repos/acme/release-app/releases')
            .findAll { it.rawTarget() == '/api/v1/repos/acme/release-app/releases' }
    assert create*.status == [201]
    assert requests(registry, 'PATCH', '/api/v1/repos/acme/release-app/releases/')*.status == [200]

    // Both goals ran in the fork (its output is nested: "[INFO] [INFO] ..."), after perform's checkout.
    def log = new File(basedir, 'build.log').getText('UTF-8')
    def perform = log.indexOf("Executing goals 'deploy'...")
    assert perform > 0
    def uploaded = log.indexOf('[INFO] [INFO] Uploaded release-app-1.0.jar (', perform)
    def published = log.indexOf('[INFO] [INFO] Published release release-app-1.0 of acme/release-app.', perform)
    assert uploaded > perform && published > uploaded
    assert log.contains('[INFO] [INFO] Release release-app-1.0: ' + registry.baseUrl()
            + '/acme/release-app/releases/tag/release-app-1.0 (2 asset(s), 2 sent, 0 kept).')
    assertNoSecretIn(basedir, registry, 'deployer', io.github.forgemaven.testing.StandardFixture.RELEASE_TOKEN)
}
