io.github.forgemaven.testing.It.setUp(context) { registry ->
    registry.store('acme', 'app', '1.0', 'APP-1.0-SOURCES.JAR', 'published earlier'.bytes)
    // Every files listing is refused, so only the PUT itself can find the existing file.
    registry.faults().failNext('GET', 10, 403)
}
