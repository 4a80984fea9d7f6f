import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    // release:perform's forked build of the tag published the release version, from its checkout.
    def jar = new File(basedir, 'target/checkout/target/release-app-1.0.jar')
    assert jar.isFile() : 'release:perform did not build the tag in target/checkout'
    assertStored(registry, 'acme', 'release-app', '1.0', jar)
    assertFileCount(registry, 'acme', 'release-app', '1.0', 1)

    // Nothing else: prepare's `clean verify` does not deploy, and no snapshot was published.
    assert !registry.versionExists('acme', 'release-app', '1.0-SNAPSHOT')
    assert !registry.versionExists('acme', 'release-app', '1.1-SNAPSHOT')
    def puts = puts(registry)
    assert puts*.rawTarget == ['/api/packages/acme/generic/release-app/1.0/release-app-1.0.jar']

    // The fork was given no settings file of its own (setup.groovy's arguments have no -s): the
    // credentials of <server> 'forge' in the settings.xml of the outer build (src/it/settings.xml)
    // reached it through the release-settings.xml that maven-release-plugin writes for the fork.
    assert puts[0].status == 201
    assert puts[0].header('Authorization') == 'Basic ' + "deployer:${io.github.forgemaven.testing.StandardFixture.WRITE_TOKEN}".bytes.encodeBase64().toString()
    // The upload was the fork's (its output is nested: "[INFO] [INFO] ..."), after perform's checkout.
    def log = new File(basedir, 'build.log').getText('UTF-8')
    def perform = log.indexOf("Executing goals 'deploy'...")
    assert perform > 0
    assert log.indexOf('[INFO] [INFO] Uploaded release-app-1.0.jar (', perform) > perform
    assertNoSecretIn(basedir, registry, 'deployer', io.github.forgemaven.testing.StandardFixture.WRITE_TOKEN)

    // prepare tagged the release in the remote and moved the working copy on to 1.1-SNAPSHOT.
    def git = { String... args ->
        def process = (['git', '--git-dir', new File(basedir, 'remote.git').absolutePath] + args.toList()).execute()
        def out = new StringBuilder()
        process.waitForProcessOutput(out, out)
        assert process.exitValue() == 0 : "git ${args.join(' ')}: ${out}"
        out.toString().trim()
    }
    assert git('tag', '--list') == 'release-app-1.0'
    assert git('show', 'release-app-1.0:pom.xml').contains('<version>1.0</version>')
    assert git('show', 'main:pom.xml').contains('<version>1.1-SNAPSHOT</version>')
    assert new File(basedir, 'pom.xml').getText('UTF-8').contains('<version>1.1-SNAPSHOT</version>')
}
