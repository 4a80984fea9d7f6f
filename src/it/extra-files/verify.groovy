import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('app')
    assertStored(registry, owner, app, '1.0', new File(basedir, 'target/app-1.0.jar'))
    ['native/tool-linux-x64', 'native/tool-macos-arm64', 'CHANGELOG.md'].each {
        assertStored(registry, owner, app, '1.0', new File(basedir, it))
    }
    // each under its own name, and nothing else
    assertFileNames(registry, owner, app, '1.0', 'CHANGELOG.md', 'app-1.0.jar', 'tool-linux-x64', 'tool-macos-arm64')
    It.emulatorOnly(context, 'the order and timing of the PUTs (the first file alone, the others after its answer)') { emulator ->
        def puts = puts(emulator)
        def sent = puts*.rawTarget*.replaceAll('.*/', '')
        assert sent[0] == 'app-1.0.jar' : 'the first file of a version goes alone'
        // ...and the others start only once it was answered, as timed on the emulator's connections.
        puts.drop(1).each { assert it.startedAfterAnswerTo(puts[0]) : "${it.rawTarget} went beside the first file" }
        assert sent.sort() == ['CHANGELOG.md', 'app-1.0.jar', 'tool-linux-x64', 'tool-macos-arm64']
    }
    def uploadedLines = new File(basedir, 'build.log').readLines().findAll { it.startsWith('[INFO] Uploaded ') }*.replaceAll(/^\[INFO\] Uploaded (\S+) .*/, '$1')
    assert uploadedLines == ['app-1.0.jar', 'tool-linux-x64', 'tool-macos-arm64', 'CHANGELOG.md'] : 'log lines keep the plan order'
}
