import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertStored(registry, registry.owner(), registry.name('app'), '2.0-SNAPSHOT', new File(basedir, 'target/app-2.0-SNAPSHOT.jar'))
    assertFileCount(registry, registry.owner(), registry.name('app'), '2.0-SNAPSHOT', 1)
    It.emulatorOnly(context, 'the requests sent: listing, DELETE, PUT, verification') { emulator ->
        assert emulator.requests()*.method == ['GET', 'DELETE', 'PUT', 'GET']
    }
    assertLogContains(basedir, ': 1 replaced (')
}
