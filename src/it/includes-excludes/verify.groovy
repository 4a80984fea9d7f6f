import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertStored(registry, 'acme', 'app', '1.0.0', new File(basedir, 'target/app-1.0.0.jar'))
    assertStored(registry, 'acme', 'app', '1.0.0', new File(basedir, 'target/app-1.0.0-linux-x64.zip'))
    assertFileCount(registry, 'acme', 'app', '1.0.0', 2)
}
