import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('app')
    // the emulator plays Central: the forge's own, or against a real forge the one setup.groovy started
    def central = registry.emulator().orElseGet { context.get('central') }
    def toCentral = central.requests().findAll { it.rawTarget().startsWith('/central/') }
    assert toCentral*.method() == ['POST'] : "the bundle went to Central (its publish ran): ${toCentral*.rawTarget()}"
    It.emulatorOnly(context, 'that the forge received no PUT') { emulator ->
        assert puts(emulator).isEmpty() : 'Central failed first, so nothing reached the forge'
    }
    // Central failed first, so the forge holds nothing
    assertNoVersion(registry, owner, '1.0', app)
    // Maven 3.9+ names a plugin by its prefix in the '--- ' line, Maven 3.6.3 by its artifactId:
    // central-publishing-maven-plugin ran, and the goal never ran after the Central failure
    assertLogHasLine(basedir, /--- central-publishing(-maven-plugin)?:/)
    assertLogHasNoLine(basedir, /--- forge(-maven-plugin)?:/)
}
