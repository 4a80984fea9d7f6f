import static io.github.forgemaven.testing.ItAssertions.*

def registry = context.get('registry')
try {
    assertNoRequests(registry)
    assert !new File(basedir, 'core/target/maven-repo').exists() : 'maven-deploy-plugin deferred too'
    assertLogContains(basedir,
        'Deferring deploy for it.forge:core:4.0 at end',
        'Deferred to the end of the build (deployAtEnd): 1 file(s) of acme/core/4.0.',
        'COMPILATION ERROR')
} finally {
    registry?.close()
}
