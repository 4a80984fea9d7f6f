import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('app')
    It.emulatorOnly(context, 'that no PUT was sent') { emulator ->
        assert puts(emulator).isEmpty() : 'a conflict stops the run before anything is sent'
    }
    assert registry.files(owner, app, '1.0')*.name == ['APP-1.0-SOURCES.JAR']
    assert new String(registry.file(owner, app, '1.0', 'app-1.0-sources.jar').get().bytes()) == 'published earlier'
    assertLogContains(basedir,
        owner + '/' + app + '/1.0 already holds a file of the same name with other content; nothing was uploaded:',
        "- 'APP-1.0-SOURCES.JAR' (server: 17 B, sha256 90720f512696...; local: ",
        "set <onExisting> (forge.onExisting) to 'replace' to overwrite them or 'skip' to keep them.")
}
