import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), libName = registry.name('lib'), appName = registry.name('app')
    def gpg = context.get('gpg')
    def lib = new File(basedir, 'lib/target')
    // every file with its signature, no POM signature without the POM, no package of the aggregator's
    assertFileNames(registry, owner, libName, '1.0',
        'lib-1.0-sources.jar', 'lib-1.0-sources.jar.asc', 'lib-1.0.jar', 'lib-1.0.jar.asc')
    assertNoVersion(registry, owner, '1.0', registry.name('sig-parent'))
    assert new File(lib, 'lib-1.0.pom.asc').isFile() : 'maven-gpg-plugin signed the POM too'
    // with includePom, the POM and its signature
    assertFileNames(registry, owner, appName, '1.0', 'app-1.0.jar', 'app-1.0.jar.asc', 'app-1.0.pom', 'app-1.0.pom.asc')
    // each signature the server holds signs the bytes the server holds under the signed file's name
    [[libName, 'lib-1.0.jar'], [libName, 'lib-1.0-sources.jar'], [appName, 'app-1.0.jar'], [appName, 'app-1.0.pom']].each { pkg, name ->
        def signed = registry.file(owner, pkg, '1.0', name).get().bytes()
        def signature = registry.file(owner, pkg, '1.0', name + '.asc').get().bytes()
        assert gpg.verifies(signature, signed) : "${name}.asc does not sign the ${name} the server holds"
    }
    def pom = new String(registry.file(owner, appName, '1.0', 'app-1.0.pom').get().bytes(), 'UTF-8')
    def buildPom = new File(basedir, 'app/pom.xml').text
    if (mavenVersion.startsWith('3.')) {
        assert pom == buildPom : 'Maven 3: the POM as written'
    } else {
        // Maven 4 deploys its consumer POM as the project's POM, and so does the goal
        assert pom != buildPom && pom.contains('<artifactId>app</artifactId>') : 'Maven 4: the consumer POM'
    }
    // all eight PUTs are the first run's; the re-run sent nothing
    It.emulatorOnly(context, 'that the re-run sent no PUT (eight in all)') { emulator ->
        assert puts(emulator).size() == 8
    }
    assertStored(registry, owner, libName, '1.0', new File(lib, 'lib-1.0.jar'))
    def local = new File(lib, 'lib-1.0.jar.asc').bytes
    def stored = registry.file(owner, libName, '1.0', 'lib-1.0.jar.asc').get().bytes()
    assert stored != local : 'the re-run signed anew; the server keeps the first signature'
    assertLogContains(basedir,
        'Left out lib-1.0.pom.asc: a signature goes with the file it signs, which is not uploaded (for the'
            + " POM's, set <includePom>true</includePom> to upload both).",
        'Nothing to upload from aggregator sig-parent',
        "Kept the server's signature(s) of identical files: lib-1.0.jar.asc, lib-1.0-sources.jar.asc (a"
            + " signature carries its creation time, so every run makes a new one; the server's signs the same content).",
        "Kept the server's signature(s) of identical files: app-1.0.jar.asc, app-1.0.pom.asc (a")
    // no signature under the name of Maven 4's consumer POM artifact
    assertLogLacks(basedir, 'consumer.pom.asc')
}
