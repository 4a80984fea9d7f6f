import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertNoRequests(registry)
    assert !new File(basedir, 'core/target/maven-repo').exists() : 'maven-deploy-plugin deferred too'
    assertLogContains(basedir,
        'Deferring deploy for it.forge:core:4.0 at end',
        'Deferred to the end of the build (deployAtEnd): 1 file(s) of acme/core/4.0.',
        'COMPILATION ERROR')
}
