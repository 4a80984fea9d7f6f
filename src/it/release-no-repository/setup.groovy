io.github.forgemaven.testing.It.setUp(context) { registry ->
    registry.emulator().ifPresent { emulator ->
        emulator.repository('acme', 'app').addCommit('main', '1c0ffee1c0ffee1c0ffee1c0ffee1c0ffee1c0ff')
    }
    // v1.0 on the emulator; a tag of the case's own on a real server (the case needs no repository, so the
    // conformance run passes no forge.tag)
    io.github.forgemaven.testing.It.userProperty(context, 'it.tag', registry.name('v1.0'))
}
