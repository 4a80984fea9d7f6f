io.github.forgemaven.testing.It.setUp(context) { registry ->
    registry.store('acme', 'app', '1.0', 'APP-1.0-SOURCES.JAR', 'published earlier'.bytes)
}
