import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assert puts(registry).isEmpty() : 'a conflict stops the run before anything is sent'
    assert registry.files('acme', 'app', '1.0')*.name == ['APP-1.0-SOURCES.JAR']
    assert new String(registry.file('acme', 'app', '1.0', 'app-1.0-sources.jar').get().bytes()) == 'published earlier'
    assertLogContains(basedir,
        'acme/app/1.0 already holds a file of the same name with other content; nothing was uploaded:',
        "- 'APP-1.0-SOURCES.JAR' (server: 17 B, sha256 90720f512696...; local: ",
        "set <onExisting> (forge.onExisting) to 'replace' to overwrite them or 'skip' to keep them.")
}
