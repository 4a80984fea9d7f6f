import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertReleaseAsset(registry, 'acme', 'app', 'v1.0', new File(basedir, 'target/app-1.0.jar'))
    assert !assertRelease(registry, 'acme', 'app', 'v1.0').asset('app-1.0.jar').get().external()
    assertLogContains(basedir, '[WARNING] <linkPackageFiles> needs Forgejo v9 or later; Gitea ')
}
