import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertNoRequests(registry)
    def log = new File(basedir, 'build.log').text
    assert log.contains(':deploy-generic (default) on project app: No owner: set <owner> in the plugin\'s <configuration> (e.g. <owner>acme</owner>) or -Dforge.owner=acme: the user or organisation that owns the packages, as in https://codeberg.org/acme.\n')
    assert !log.contains('are missing or invalid')
}
