import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('app')
    def target = new File(basedir, 'target')
    assertStored(registry, owner, app, '1.0', new File(target, 'app-1.0.jar'))
    assertStoredAs(registry, owner, app, '1.0', 'app-1.0-cyclonedx.json', new File(target, 'bom.json'))
    assertStoredAs(registry, owner, app, '1.0', 'app-1.0-cyclonedx.xml', new File(target, 'bom.xml'))
    assertFileCount(registry, owner, app, '1.0', 3)
    It.emulatorOnly(context, 'that exactly three PUTs were sent') { emulator ->
        assert puts(emulator).size() == 3
    }
    // the recipe must not make cyclonedx-maven-plugin skip
    assertLogLacks(basedir, 'Skipping CycloneDX goal')
    // maven-deploy-plugin must not run (Maven 3.9+ names a plugin by its prefix in the '--- ' line, 3.6.3 by its artifactId)
    assertLogHasNoLine(basedir, /--- (maven-)?deploy(-plugin)?:/)
    assertLogContains(basedir, 'Published ' + owner + '/' + app + '/1.0 on ', ': 3 uploaded (')
}
