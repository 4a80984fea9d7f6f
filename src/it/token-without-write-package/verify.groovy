import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assert !registry.versionExists(registry.owner(), registry.name('app'), '1.0')
    assertLogContains(basedir,
        'failed: HTTP 401',
        "does not let it publish packages for owner '" + registry.owner() + "'",
        'the token lacks the write:package scope')
    assertNoSecretOf(basedir, registry, 'forge-read-only')
}
