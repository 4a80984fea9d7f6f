import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), repo = registry.repository(), app = registry.name('app'), tag = registry.name('v1.0')
    // the head of the repository's default branch, which GITHUB_SHA names (the emulator's: invoker.properties)
    def head = registry.emulator().present ? '1c0ffee1c0ffee1c0ffee1c0ffee1c0ffee1c0ff' : registry.headCommit()
    assertStored(registry, owner, app, '1.0', new File(basedir, 'target/app-1.0.jar'))
    def release = assertRelease(registry, owner, repo, tag)
    assert !release.draft()
    assert release.target() == head
    assertReleaseAsset(registry, owner, repo, tag, new File(basedir, 'target/app-1.0.jar'))
    assertReleaseAssetCount(registry, owner, repo, tag, 2)
    def sums = assertRelease(registry, owner, repo, tag).asset('SHA256SUMS').get()
    assert new String(sums.bytes(), 'UTF-8') == sha256(new File(basedir, 'target/app-1.0.jar').bytes) + '  app-1.0.jar\n'

    It.emulatorOnly(context, 'that the release was created as a draft, then published by one PATCH') { emulator ->
        def create = requests(emulator, 'POST', '/api/v1/repos/acme/app/releases').find { it.rawTarget() == '/api/v1/repos/acme/app/releases' }
        assert create.status() == 201
        assert requests(emulator, 'PATCH', '/api/v1/repos/acme/app/releases/')*.status == [200]
    }
    def url = registry.baseUrl() + '/' + owner + '/' + repo + '/releases/tag/' + tag
    def json = new File(basedir, 'target/forge-deploy.json').getText('UTF-8')
    assert json.contains('"release": {"tag": "' + tag + '", "url": "' + url + '", "draft": false')
    assert json.contains('"files": [')
    assertLogContains(basedir, 'Created draft release ' + tag + ' of ' + owner + '/' + repo + ' at ' + head + '.',
            'Published release ' + tag + ' of ' + owner + '/' + repo + '.',
            'Release ' + tag + ': ' + url + ' (2 asset(s), 2 sent, 0 kept).')
}
