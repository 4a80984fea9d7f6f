io.github.forgemaven.testing.It.setUp(context) { registry ->
    registry.store(registry.owner(), registry.name('app'), '1.0', 'app-1.0-sources.jar', 'published earlier'.bytes)
    registry.store(registry.owner(), registry.name('app'), '1.0', 'notes.txt', 'keep me'.bytes)
}
