io.github.forgemaven.testing.It.setUp(context) { registry ->
    registry.store('acme', 'core', '4.0', 'core-4.0.jar', 'published earlier'.bytes)
}
