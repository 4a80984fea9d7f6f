import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('app')
    assertStored(registry, owner, app, '1.0', new File(basedir, 'target/app-1.0.jar'))
    // The jar and one POM: on Maven 4 the consumer POM that Maven attaches is not uploaded a second
    // time as app-1.0-consumer.pom.
    assertFileNames(registry, owner, app, '1.0', 'app-1.0.jar', 'app-1.0.pom')
    It.emulatorOnly(context, 'the two PUTs sent, in order') { emulator ->
        assert puts(emulator)*.rawTarget == [
            '/api/packages/acme/generic/app/1.0/app-1.0.jar', '/api/packages/acme/generic/app/1.0/app-1.0.pom']
    }
    assertLogContains(basedir, 'Uploaded app-1.0.pom (')

    // The POM uploaded is the one Maven itself installed (and would deploy) as app-1.0.pom.
    def installed = new File(localRepositoryPath, 'it/forge/app/1.0')
    assertStoredAs(registry, owner, app, '1.0', 'app-1.0.pom', new File(installed, 'app-1.0.pom'))

    def buildPom = new File(basedir, 'pom.xml')
    def uploaded = new String(registry.file(owner, app, '1.0', 'app-1.0.pom').orElseThrow().bytes(), 'UTF-8')
    if (mavenVersion.startsWith('3.')) {
        // Maven 3 publishes the project's own pom.xml, byte for byte.
        assertStoredAs(registry, owner, app, '1.0', 'app-1.0.pom', buildPom)
    } else {
        // Maven 4 publishes a consumer POM written from the model (its temporary file is deleted when
        // the build ends), and the project's own pom.xml only as app-1.0-build.pom. Without
        // -Dmaven.consumer.pom.flatten=true (4.0.0-rc-6's default) the consumer POM keeps the parent
        // but loses its relativePath and the comments.
        assert new File(installed, 'app-1.0-build.pom').bytes == buildPom.bytes
        assert uploaded != buildPom.getText('UTF-8')
        assert buildPom.text.contains('<relativePath>') && !uploaded.contains('<relativePath>') : uploaded
        assert buildPom.text.contains('<!--') && !uploaded.contains('<!--') : uploaded
        assert uploaded.contains('<artifactId>app</artifactId>')
    }
}
