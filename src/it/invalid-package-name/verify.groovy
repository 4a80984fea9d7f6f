import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    It.emulatorOnly(context, 'that no request was sent') { emulator -> assertNoRequests(emulator) }
    assert !registry.versionExists(registry.owner(), 'my app', '1.0')
    assertLogContains(basedir, "<packageName> (forge.packageName) 'my app' is not valid: it may contain ASCII letters, digits and - _ + . only")
}
