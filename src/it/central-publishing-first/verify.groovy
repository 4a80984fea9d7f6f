import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def central = registry.requests().findAll { it.rawTarget().startsWith('/central/') }
    assert central*.method() == ['POST'] : "the bundle went to Central (its publish ran): ${central*.rawTarget()}"
    assert puts(registry).isEmpty() : 'Central failed first, so nothing reached the forge'
    assert !registry.versionExists('acme', 'app', '1.0')
    def log = new File(basedir, 'build.log').text
    // Maven 3.9+ names a plugin by its prefix in the '--- ' line, Maven 3.6.3 by its artifactId
    assert log =~ /--- central-publishing(-maven-plugin)?:/ : 'central-publishing-maven-plugin ran'
    assert !(log =~ /--- forge(-maven-plugin)?:/) : 'the goal never ran after the Central failure'
}
