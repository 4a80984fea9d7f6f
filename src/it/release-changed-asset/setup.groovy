io.github.forgemaven.testing.It.setUp(context) { registry ->
    registry.repository('acme', 'app').addCommit('main', '1c0ffee1c0ffee1c0ffee1c0ffee1c0ffee1c0ff')
    registry.repository('acme', 'app').addRelease('v1.0', 'v1.0', false, false)
    registry.repository('acme', 'app').addAsset('v1.0', 'app-1.0.jar', 'not the jar'.bytes)
}
