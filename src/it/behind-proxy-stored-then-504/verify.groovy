import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

// The front-end proxy is local in both modes (in conformance mode in front of the real server): its record and
// its 504 are checked and made in both; the retry's 409 and the sha256 the plugin compares are the server's.
It.verify(context) { registry ->
    def proxy = It.proxy(context)
    def owner = registry.owner(), app = registry.name('app')
    assertStored(registry, owner, app, '1.0', new File(basedir, 'target/app-1.0.jar'))
    assertFileCount(registry, owner, app, '1.0', 1)
    assert proxy.requests('PUT')*.status == [504, 409]
    It.emulatorOnly(context, 'the statuses of the PUTs the server received') { emulator ->
        assert puts(emulator)*.status == [201, 409] : 'the server stored the first attempt'
    }
    assertLogContains(basedir, 'app-1.0.jar was stored by an earlier attempt; its content is identical.', ': 1 uploaded (')
}
