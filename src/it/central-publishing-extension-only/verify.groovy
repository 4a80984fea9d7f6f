import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def central = registry.requests().findAll { it.rawTarget().startsWith('/central/') }
    def log = new File(basedir, 'build.log').text
    assertLogContains(basedir, 'Installing Central Publishing features')
    // Maven 3.9+ names a plugin by its prefix in the '--- ' line, Maven 3.6.3 by its artifactId
    assert !(log =~ /--- (maven-)?deploy(-plugin)?:/) : 'the participant removed deploy:deploy on every Maven'
    if (mavenVersion.startsWith('3.')) {
        // the injected publish ran first and failed: the forge was never asked
        assert central*.method() == ['POST'] : central*.rawTarget()
        assert log =~ /--- central-publishing(-maven-plugin)?:[^ ]+:publish \(injected-central-publishing\)/
        assert puts(registry).isEmpty()
        assert !(log =~ /--- forge(-maven-plugin)?:/)
    } else {
        // Maven 4: the injected publish is lost; Central gets nothing and the goal uploads (refused here)
        assert central.isEmpty() : central*.rawTarget()
        assert !(log =~ /--- central-publishing(-maven-plugin)?:/) : 'central-publishing:publish did not run'
        assert puts(registry)*.status() == [401]
        assert log =~ /--- forge(-maven-plugin)?:/
    }
}
