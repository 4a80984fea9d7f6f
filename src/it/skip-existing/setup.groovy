io.github.forgemaven.testing.It.setUp(context) { registry ->
    registry.store('acme', 'app', '1.0', 'app-1.0-sources.jar', 'published earlier'.bytes)
}
