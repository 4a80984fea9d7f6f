import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), repo = registry.repository(), tag = registry.name('v1.0')
    def a = new File(basedir, 'a/target/a-1.0.jar')
    def b = new File(basedir, 'b/target/b-1.0.jar')
    assertReleaseAsset(registry, owner, repo, tag, a)
    assertReleaseAsset(registry, owner, repo, tag, b)
    assertReleaseAssetCount(registry, owner, repo, tag, 3)
    assertReleaseDraft(registry, owner, repo, tag, false)
    // the modules made no other release: none under another of the case's names (on the emulator, whose names
    // have no prefix, none at all), and no plain v1.0 (a module without the tag passed to the build)
    def others = registry.releaseRows(owner, repo).findAll { it.tag().startsWith(registry.name('')) && !it.tag().equalsIgnoreCase(tag) }
    assert others.isEmpty() : "other releases of the case: ${others*.tag()}"
    if (tag != 'v1.0') {
        def plainV1 = [registry.release(owner, repo, 'v1.0').map { [it.id(), it.assets()*.id()] }.orElse(null),
            registry.tagExists(owner, repo, 'v1.0')]
        assert plainV1 == context.get('plainV1Before') : 'the build made or changed a plain v1.0'
    }
    It.emulatorOnly(context, 'that the repository holds no other row (tag-only rows too) and one create request was sent') { emulator ->
        assert emulator.releaseRows('acme', 'app').size() == 1
        assert requests(emulator, 'POST', '/api/v1/repos/acme/app/releases').findAll { it.rawTarget() == '/api/v1/repos/acme/app/releases' }.size() == 1
    }
    def sums = new String(assertRelease(registry, owner, repo, tag).asset('SHA256SUMS').get().bytes(), 'UTF-8')
    assert sums.contains(sha256(a.bytes) + '  a-1.0.jar\n')
    assert sums.contains(sha256(b.bytes) + '  b-1.0.jar\n')
    assertLogContains(basedir, 'wait for the last module running forge:release.')
}
