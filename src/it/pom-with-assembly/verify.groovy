import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertStored(registry, 'acme', 'distribution', '2.1', new File(basedir, 'target/distribution-2.1-bin.zip'))
    assertFileCount(registry, 'acme', 'distribution', '2.1', 1)
    assert puts(registry).size() == 1
}
