import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertStored(registry, 'acme', 'app', '1.0', new File(basedir, 'target/app-1.0.jar'))
    ['native/tool-linux-x64', 'native/tool-macos-arm64', 'CHANGELOG.md'].each {
        assertStored(registry, 'acme', 'app', '1.0', new File(basedir, it))
    }
    def sent = puts(registry)*.rawTarget*.replaceAll('.*/', '')
    assert sent[0] == 'app-1.0.jar' : 'the first file of a version goes alone'
    assert sent.sort() == ['CHANGELOG.md', 'app-1.0.jar', 'tool-linux-x64', 'tool-macos-arm64']
    def uploadedLines = new File(basedir, 'build.log').readLines().findAll { it.startsWith('[INFO] Uploaded ') }*.replaceAll(/^\[INFO\] Uploaded (\S+) .*/, '$1')
    assert uploadedLines == ['app-1.0.jar', 'tool-linux-x64', 'tool-macos-arm64', 'CHANGELOG.md'] : 'log lines keep the plan order'
}
