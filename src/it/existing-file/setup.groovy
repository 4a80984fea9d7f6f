io.github.forgemaven.testing.It.setUp(context) { registry ->
    registry.store(registry.owner(), registry.name('app'), '1.0', 'APP-1.0-SOURCES.JAR', 'published earlier'.bytes)
}
