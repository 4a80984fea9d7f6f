import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertStored(registry, 'acme', 'core', '3.0', new File(basedir, 'core/target/core-3.0.jar'))
    assertStored(registry, 'acme', 'cli', '3.0', new File(basedir, 'cli/target/cli-3.0.jar'))
    assert !registry.versionExists('acme', 'parent', '3.0')
    assert puts(registry).size() == 2
    assertLogContains(basedir, 'Nothing to upload from aggregator parent')
}
