import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('app')
    // the emulator plays Central: the forge's own, or against a real forge the one setup.groovy started
    def centralServer = registry.emulator().orElseGet { context.get('central') }
    def central = centralServer.requests().findAll { it.rawTarget().startsWith('/central/') }
    assertLogContains(basedir, 'Installing Central Publishing features')
    // Maven 3.9+ names a plugin by its prefix in the '--- ' line, Maven 3.6.3 by its artifactId
    // the participant removed deploy:deploy on every Maven
    assertLogHasNoLine(basedir, /--- (maven-)?deploy(-plugin)?:/)
    // the goal's token is refused, so the forge holds nothing either way
    assert !registry.versionExists(owner, app, '1.0')
    if (mavenVersion.startsWith('3.')) {
        // the injected publish ran first and failed: the forge was never asked
        assert central*.method() == ['POST'] : central*.rawTarget()
        assertLogHasLine(basedir, /--- central-publishing(-maven-plugin)?:[^ ]+:publish \(injected-central-publishing\)/)
        It.emulatorOnly(context, 'that the forge received no PUT') { emulator ->
            assert puts(emulator).isEmpty()
        }
        assertLogHasNoLine(basedir, /--- forge(-maven-plugin)?:/)
    } else {
        // Maven 4: the injected publish is lost; Central gets nothing and the goal uploads (refused here)
        assert central.isEmpty() : central*.rawTarget()
        // central-publishing:publish did not run
        assertLogHasNoLine(basedir, /--- central-publishing(-maven-plugin)?:/)
        It.emulatorOnly(context, 'that the forge received one PUT, answered 401') { emulator ->
            assert puts(emulator)*.status() == [401]
        }
        assertLogContains(basedir,
            'PUT ' + registry.baseUrl() + '/api/packages/' + owner + '/generic/' + app + '/1.0/app-1.0.jar failed: HTTP 401')
        assertLogHasLine(basedir, /--- forge(-maven-plugin)?:/)
    }
}
