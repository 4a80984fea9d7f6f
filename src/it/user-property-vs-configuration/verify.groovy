import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), other = registry.name('other')
    assertStored(registry, owner, registry.name('app'), '1.0-ci', new File(basedir, 'target/app-1.0.jar'))
    assertLogContains(basedir,
        "[WARNING] -Dforge.owner=" + other + " is ignored: <owner> is set to '" + owner + "' in the plugin's <configuration>, which Maven does not let a -D override. To make it overridable, move the value to <properties> as <forge.owner> and remove <owner> from <configuration>.")
    assertLogLacks(basedir, '-Dforge.packageVersion=1.0-ci is ignored', '-Dforge.url')
}
