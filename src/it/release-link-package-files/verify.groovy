import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), repo = registry.repository(), app = registry.name('app'), tag = registry.name('v1.0')
    def jar = new File(basedir, 'target/app-1.0.jar')
    assertStored(registry, owner, app, '1.0', jar)
    def release = assertRelease(registry, owner, repo, tag)
    def sums = release.asset('SHA256SUMS').get()
    assert new String(sums.bytes(), 'UTF-8') == sha256(jar.bytes) + '  app-1.0.jar\n'
    assertReleaseAssetCount(registry, owner, repo, tag, 2)

    // The link API (external release assets) is Forgejo v9+'s. On a real server without it the plugin uploads
    // the jar instead, with a warning: check that, and say so. The emulator (Forgejo 14) always links.
    if (!registry.linksAssets()) {
        assert !registry.emulator().present : 'the emulator links assets: this case checks the link on it'
        It.note(context, registry.baseUrl() + ' is '
                + registry.forgejoVersion().map { 'Forgejo ' + it }.orElse('not Forgejo (Gitea)')
                + ', without the link API of Forgejo v9+: checked that the jar was uploaded instead, with the warning')
        assertReleaseAsset(registry, owner, repo, tag, jar)
        assert !release.asset('app-1.0.jar').get().external()
        assertLogContains(basedir, '[WARNING] <linkPackageFiles> needs Forgejo v9 or later; ')
        return
    }
    def url = registry.baseUrl() + '/api/packages/' + owner + '/generic/' + app + '/1.0/app-1.0.jar'
    assert release.asset('app-1.0.jar').get().externalUrl() == url
    It.emulatorOnly(context, 'that the jar went as a link request, not an upload (two asset requests)') { emulator ->
        assert assetUploads(emulator).size() == 2
    }
    assertLogContains(basedir, 'Linked app-1.0.jar to ' + url + '.')
}
