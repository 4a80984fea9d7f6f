import static io.github.forgemaven.testing.ItAssertions.*

def registry = context.get('registry')
try {
    assertStored(registry, 'acme', 'app', '1.0 beta', new File(basedir, 'target/app-1.0.jar'))
    assert puts(registry)*.rawTarget == ['/api/packages/acme/generic/app/1.0%20beta/app-1.0.jar']
} finally {
    registry?.close()
}
