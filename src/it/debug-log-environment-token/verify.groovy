import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It
import io.github.forgemaven.testing.StandardFixture

It.verify(context) { registry ->
    assertStored(registry, 'acme', 'app', '1.0', new File(basedir, 'target/app-1.0.jar'))
    assertLogContains(basedir, "Credentials: the environment variables FORGE_USERNAME and FORGE_TOKEN, user 'deployer', sent as HTTP Basic.")
    // The plugin's own part of the log, -X lines included, holds no form of the token...
    def section = pluginSection(basedir)
    assert section.contains('[DEBUG] ex-0000000001 preparing request execution') : 'not a -X log of the goal'
    for (leak in secretForms('deployer', StandardFixture.WRITE_TOKEN)) {
        assert !section.contains(leak) : 'the plugin printed a form of the token (' + leak.length() + ' characters)'
    }
    // ...while the build as a whole shows it: maven-resources-plugin lists env.* among its filter
    // properties. This is what the README's narrowed claim says; if it ever stops being true, say more.
    assertLogContains(basedir, '[DEBUG] env.FORGE_TOKEN')
}
