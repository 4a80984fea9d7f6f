io.github.forgemaven.testing.It.setUp(context) { registry ->
    registry.repository('acme', 'app').addCommit('main', '1c0ffee1c0ffee1c0ffee1c0ffee1c0ffee1c0ff')
}
