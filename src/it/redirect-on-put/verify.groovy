import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assert puts(registry)*.status == [301]
    assert !registry.versionExists('acme', 'app', '1.0')
    assertLogContains(basedir, 'failed: HTTP 301', 'The server redirected the upload to https://git.example.com/api/packages/acme/generic/app/1.0/app-1.0.jar. An upload is never followed to another address')
}
