import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def tagged = registry.repository('acme', 'app').tagCommit('v1.0').get()
    assert tagged != '1c0ffee1c0ffee1c0ffee1c0ffee1c0ffee1c0ff'
    assert assetUploads(registry).isEmpty()
    assert registry.requests().every { it.method() == 'GET' }
    assertLogContains(basedir, 'Tag v1.0 of acme/app points at commit ' + tagged + ', but this build was made from 1c0ffee1c0ffee1c0ffee1c0ffee1c0ffee1c0ff: release from a checkout of the tag')
}
