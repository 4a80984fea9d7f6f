import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def proxy = It.proxy(context)
    assertStored(registry, 'acme', 'app', '1.0', new File(basedir, 'target/app-1.0.jar'))
    assertFileCount(registry, 'acme', 'app', '1.0', 1)
    assert proxy.requests('PUT')*.status == [504, 409]
    assert puts(registry)*.status == [201, 409] : 'the server stored the first attempt'
    assertLogContains(basedir, 'app-1.0.jar was stored by an earlier attempt; its content is identical.', ': 1 uploaded (')
}
