io.github.forgemaven.testing.It.setUp(context) { registry ->
    registry.emulator().ifPresent { emulator ->
        emulator.repository('acme', 'app').addCommit('main', '1c0ffee1c0ffee1c0ffee1c0ffee1c0ffee1c0ff')
    }
}
