import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assert puts(registry).isEmpty() : 'Central failed first, so nothing reached the forge'
    assert !registry.versionExists('acme', 'app', '1.0')
    def log = new File(basedir, 'build.log').text
    assert log.contains('--- central-publishing:') : 'central-publishing-maven-plugin ran'
    assert !log.contains('--- forge:') : 'the goal never ran after the Central failure'
}
