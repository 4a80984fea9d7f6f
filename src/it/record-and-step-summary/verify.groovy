import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('app')
    def jar = new File(basedir, 'target/app-1.0.jar')
    def record = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/forge-deploy.json'))
    assert record.outcome == 'success'
    assert record.files.size() == 1
    def file = record.files[0]
    assert file.name == 'app-1.0.jar'
    assert file.size == jar.length()
    assert file.sha256 == sha256(jar.bytes)
    assert file.sha256 == registry.file(owner, app, '1.0', 'app-1.0.jar').get().sha256()
    assert file.url == registry.baseUrl() + '/api/packages/' + owner + '/generic/' + app + '/1.0/app-1.0.jar'
    assert file.outcome == 'uploaded'
    def summary = new File(basedir, 'step-summary.md').text
    assert summary.contains('### Forge generic packages: ' + owner + '/' + app + '/1.0 published')
    assert summary.contains('| [app-1.0.jar](' + file.url + ') | ')
    assert summary.contains('| `' + file.sha256.substring(0, 12) + '` | uploaded |')
    assertLogHasLine(basedir, /^\[INFO\] File +Size  SHA-256 +Outcome +URL$/)
    assertLogContains(basedir, ' uploaded  ' + file.url, 'Wrote ')
}
