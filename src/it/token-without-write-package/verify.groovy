import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assert !registry.versionExists('acme', 'app', '1.0')
    assertLogContains(basedir,
        'failed: HTTP 401',
        "does not let it publish packages for owner 'acme'",
        'the token lacks the write:package scope')
    assertNoSecretIn(basedir, registry, 'deployer', io.github.forgemaven.testing.StandardFixture.READ_TOKEN)
}
