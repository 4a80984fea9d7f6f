import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def putsByFile = puts(registry).collectEntries { [(it.rawTarget().tokenize('/').last()): it.status()] }
    assert putsByFile == ['app-1.0.jar': 201, 'app-1.0-sources.jar': 409] : putsByFile
    def deletes = registry.requests().findAll { it.method() == 'DELETE' }
    assert deletes*.rawTarget() == ['/api/packages/acme/generic/app/1.0/app-1.0.jar'] : 'only what this run created is rolled back'
    assert deletes*.status() == [204]
    assert registry.files('acme', 'app', '1.0')*.name == ['APP-1.0-SOURCES.JAR']
    assert new String(registry.file('acme', 'app', '1.0', 'app-1.0-sources.jar').get().bytes()) == 'published earlier'
    assertLogContains(basedir,
        'failed: HTTP 409 Conflict',
        "'app-1.0-sources.jar' already exists in acme/app/1.0 (file names are compared ignoring case, and the generic registry never overwrites a file).",
        'The content could not be compared because the files listing was refused (HTTP 403 Forbidden',
        'Rolled back: deleted app-1.0.jar again')
}
