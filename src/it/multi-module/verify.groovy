import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), core = registry.name('core'), cli = registry.name('cli')
    assertStored(registry, owner, core, '3.0', new File(basedir, 'core/target/core-3.0.jar'))
    assertStored(registry, owner, cli, '3.0', new File(basedir, 'cli/target/cli-3.0.jar'))
    // one file per module and nothing from the aggregator: what the server holds shows what was sent
    assertFileCount(registry, owner, core, '3.0', 1)
    assertFileCount(registry, owner, cli, '3.0', 1)
    assertNoVersion(registry, owner, '3.0', registry.name('parent'))
    It.emulatorOnly(context, 'that exactly 2 PUTs were sent') { emulator ->
        assert puts(emulator).size() == 2
    }
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
    assert summary.contains("### Forge generic packages: ${owner}/${core}/3.0 published\n")
    assert summary.contains("### Forge generic packages: ${owner}/${cli}/3.0 published\n")
}
