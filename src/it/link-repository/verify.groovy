import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('app')
    def repository = registry.emulator().present ? 'app-source' : registry.repository()
    assertStored(registry, owner, app, '1.0', new File(basedir, 'target/app-1.0.jar'))
    assert registry.linkedRepository(owner, app).get() == repository
    It.emulatorOnly(context, 'the link request sent') { emulator ->
        assert emulator.requests().find { it.method == 'POST' }.rawTarget == '/api/v1/packages/acme/generic/app/-/link/app-source'
    }
    assertLogContains(basedir, 'Linked package ' + owner + '/' + app + ' to repository ' + owner + '/' + repository + '.')
}
