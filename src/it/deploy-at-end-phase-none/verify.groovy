import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertStored(registry, 'acme', 'core', '4.0', new File(basedir, 'core/target/core-4.0.jar'))
    assertStored(registry, 'acme', 'app', '4.0', new File(basedir, 'app/target/app-4.0.jar'))
    assert !registry.versionExists('acme', 'tools', '4.0')
    assert puts(registry).size() == 2
    assertLogContains(basedir,
        'Deferred to the end of the build (deployAtEnd): 1 file(s) of acme/core/4.0.',
        'Uploading the files of 2 package version(s) of the 3 module(s) that ran this goal (deployAtEnd).')
}
