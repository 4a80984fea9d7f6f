import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    ['core', 'cli', 'web'].each { assertStored(registry, 'acme', it, '4.0', new File(basedir, "${it}/target/${it}-4.0.jar")) }
    assert puts(registry).size() == 3
    assertLogContains(basedir, 'Deferred to the end of the build (deployAtEnd): 1 file(s) of acme/',
        'Uploading the files of 3 package version(s) of the 4 module(s) that ran this goal (deployAtEnd).')
}
