io.github.forgemaven.testing.It.setUp(context) { registry ->
    registry.store(registry.owner(), registry.name('core'), '4.0', 'core-4.0.jar', 'published earlier'.bytes)
}
