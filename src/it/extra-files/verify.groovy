import static io.github.forgemaven.testing.ItAssertions.*

def registry = context.get('registry')
try {
    assertStored(registry, 'acme', 'app', '1.0', new File(basedir, 'target/app-1.0.jar'))
    ['native/tool-linux-x64', 'native/tool-macos-arm64', 'CHANGELOG.md'].each {
        assertStored(registry, 'acme', 'app', '1.0', new File(basedir, it))
    }
    assert puts(registry)*.rawTarget*.replaceAll('.*/', '') == ['app-1.0.jar', 'tool-linux-x64', 'tool-macos-arm64', 'CHANGELOG.md']
} finally {
    registry?.close()
}
