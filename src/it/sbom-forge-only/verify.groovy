import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def target = new File(basedir, 'target')
    assertStored(registry, 'acme', 'app', '1.0', new File(target, 'app-1.0.jar'))
    assertStoredAs(registry, 'acme', 'app', '1.0', 'app-1.0-cyclonedx.json', new File(target, 'bom.json'))
    assertStoredAs(registry, 'acme', 'app', '1.0', 'app-1.0-cyclonedx.xml', new File(target, 'bom.xml'))
    assert puts(registry).size() == 3
    def log = new File(basedir, 'build.log').text
    assert !log.contains('Skipping CycloneDX goal') : 'the recipe must not make cyclonedx-maven-plugin skip'
    // Maven 3.9+ names a plugin by its prefix in the '--- ' line, Maven 3.6.3 by its artifactId
    assert !(log =~ /--- (maven-)?deploy(-plugin)?:/) : 'maven-deploy-plugin must not run'
    assertLogContains(basedir, 'Published acme/app/1.0 on ', ': 3 uploaded (')
}
