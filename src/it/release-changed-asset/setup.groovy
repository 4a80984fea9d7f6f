io.github.forgemaven.testing.It.setUpRelease(context) { registry ->
    // an earlier release build's v1.0, holding an app-1.0.jar of other content
    registry.storeRelease(registry.owner(), registry.repository(), registry.name('v1.0'), 'app-1.0.jar', 'not the jar'.bytes)
}
