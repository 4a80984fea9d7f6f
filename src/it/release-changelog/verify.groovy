import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assert assertRelease(registry, registry.owner(), registry.repository(), registry.name('v1.0')).notes() == '### Added\n- the first release'
}
