import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertNoRequests(registry)
    assertLogContains(basedir,
        'Dry run: would upload dry-run-1.0.jar (',
        ', main artifact) to ' + registry.baseUrl() + '/api/packages/acme/generic/dry-run/1.0/dry-run-1.0.jar',
        "Dry run: 1 file(s), ",
        "nothing sent (credentials of <server> 'forge' in settings.xml, user 'deployer', onExisting=fail).")
}
