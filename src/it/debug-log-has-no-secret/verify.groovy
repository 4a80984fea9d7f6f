import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertStored(registry, registry.owner(), registry.name('app'), '1.0', new File(basedir, 'target/app-1.0.jar'))
    // HttpClient's own debug logging is on (Maven 3 and 4 both print this line under -X)...
    assertLogContains(basedir, '[DEBUG] ex-0000000001 preparing request execution')
    // ...but not its header and wire loggers, which would print the Authorization header.
    assertNoSecretOf(basedir, registry, 'forge')
    // Maven 4's logger still honours the Maven 3 property names, but warns about each on stderr;
    // the guard sets the Maven 4 names too, so that no build using the plugin shows that warning.
    assertLogLacks(basedir, 'Using deprecated property org.slf4j.simpleLogger')
}
