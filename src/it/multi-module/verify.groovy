import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertStored(registry, 'acme', 'core', '3.0', new File(basedir, 'core/target/core-3.0.jar'))
    assertStored(registry, 'acme', 'cli', '3.0', new File(basedir, 'cli/target/cli-3.0.jar'))
    assert !registry.versionExists('acme', 'parent', '3.0')
    assert puts(registry).size() == 2
    assertLogContains(basedir, 'Nothing to upload from aggregator parent')
    // Each module's record in its own target, and the whole build's at the top.
    def parse = { path -> new groovy.json.JsonSlurper().parse(new File(basedir, path)) }
    assert parse('core/target/forge-deploy.json').files*.name == ['core-3.0.jar']
    assert parse('cli/target/forge-deploy.json').files*.name == ['cli-3.0.jar']
    def build = parse('target/forge-deploy.json')
    assert build.outcome == 'success'
    assert build.files*.name.sort() == ['cli-3.0.jar', 'core-3.0.jar']
    assert build.files.every { it.outcome == 'uploaded' }
    assertLogContains(basedir, 'Wrote ' + new File(basedir, 'target/forge-deploy.json').canonicalPath + ' (the whole build so far: 2 file(s)).')
    // One job-summary section per module, each naming its package version.
    def summary = new File(basedir, 'step-summary.md').text
    assert summary.contains('### Forge generic packages: acme/core/3.0 published\n')
    assert summary.contains('### Forge generic packages: acme/cli/3.0 published\n')
}
