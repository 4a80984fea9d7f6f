import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('app'), repository = registry.name('app-source')
    def jar = new File(basedir, 'target/app-1.0.jar')
    assertStored(registry, owner, app, '1.0', jar)
    assert registry.linkedRepository(owner, app).isEmpty()
    def record = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/forge-deploy.json'))
    assert record.outcome == 'failure' : 'the link failed, so the run did'
    assert record.files*.name == ['app-1.0.jar']
    assert record.files[0].outcome == 'uploaded'
    assert record.files[0].sha256 == sha256(jar.bytes)
    assertLogContains(basedir,
        'Linking package ' + owner + '/' + app + ' to repository ' + owner + '/' + repository + ' failed; the files are published.',
        "Check <linkRepository> (forge.linkRepository): the repository must exist and belong to owner '" + owner + "', like the package.")
}
