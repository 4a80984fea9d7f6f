import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def lib = new File(basedir, 'lib/target')
    // every file with its signature, no POM signature without the POM, no package of the aggregator's
    assert registry.files('acme', 'lib', '1.0')*.name.sort() ==
        ['lib-1.0-sources.jar', 'lib-1.0-sources.jar.asc', 'lib-1.0.jar', 'lib-1.0.jar.asc']
    assert !registry.versionExists('acme', 'sig-parent', '1.0')
    assert new File(lib, 'lib-1.0.pom.asc').isFile() : 'maven-gpg-plugin signed the POM too'
    // all four PUTs are the first run's; the re-run sent nothing
    assert puts(registry).size() == 4
    assertStored(registry, 'acme', 'lib', '1.0', new File(lib, 'lib-1.0.jar'))
    def local = new File(lib, 'lib-1.0.jar.asc').bytes
    def stored = registry.file('acme', 'lib', '1.0', 'lib-1.0.jar.asc').get().bytes()
    assert stored != local : 'the re-run signed anew; the server keeps the first signature'
    assertLogContains(basedir,
        'Left out lib-1.0.pom.asc: a signature goes with the file it signs, which is not uploaded (for the'
            + " POM's, set <includePom>true</includePom> to upload both).",
        'Nothing to upload from aggregator sig-parent',
        "Kept the server's signature(s) of identical files: lib-1.0.jar.asc, lib-1.0-sources.jar.asc (a"
            + " signature carries its creation time, so every run makes a new one; the server's signs the same content).")
}
