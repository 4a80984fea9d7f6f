import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def jar = new File(basedir, 'target/app-1.0.jar')
    assertStored(registry, 'acme', 'app', '1.0', jar)
    assert registry.linkedRepository('acme', 'app').isEmpty()
    def record = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/forge-deploy.json'))
    assert record.outcome == 'failure' : 'the link failed, so the run did'
    assert record.files*.name == ['app-1.0.jar']
    assert record.files[0].outcome == 'uploaded'
    assert record.files[0].sha256 == sha256(jar.bytes)
    assertLogContains(basedir,
        'Linking package acme/app to repository acme/app-source failed; the files are published.',
        "Check <linkRepository> (forge.linkRepository): the repository must exist and belong to owner 'acme', like the package.")
}
