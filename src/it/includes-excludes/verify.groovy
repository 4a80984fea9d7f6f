import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('app')
    assertStored(registry, owner, app, '1.0.0', new File(basedir, 'target/app-1.0.0.jar'))
    assertStored(registry, owner, app, '1.0.0', new File(basedir, 'target/app-1.0.0-linux-x64.zip'))
    assertFileCount(registry, owner, app, '1.0.0', 2)
}
