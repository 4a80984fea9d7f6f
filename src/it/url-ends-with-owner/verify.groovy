import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('app')
    def url = registry.baseUrl() + '/' + owner
    It.emulatorOnly(context, 'the one PUT, its target and its 404') { emulator ->
        def puts = puts(emulator)
        assert puts.size() == 1
        assert puts[0].rawTarget() == '/acme/api/packages/acme/generic/app/1.0/app-1.0.jar'
        assert puts[0].status == 404
    }
    assert !registry.versionExists(owner, app, '1.0')
    assertLogContains(basedir,
        'PUT ' + url + '/api/packages/' + owner + '/generic/' + app + '/1.0/app-1.0.jar failed: HTTP 404',
        "No Forgejo or Gitea answers at <url> (forge.url) '" + url + "': neither " + url + '/api/v1/version nor '
            + url + '/api/forgejo/v1/version answered, so nothing there accepts packages. Its path ends with the'
            + " owner '" + owner + "', which belongs in <owner> alone: set <url>" + registry.baseUrl() + '</url>.')
    assertLogLacks(basedir, '  Server: ')
}
