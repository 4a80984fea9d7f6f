io.github.forgemaven.testing.It.setUp(context) { registry ->
    registry.store(registry.owner(), registry.name('app'), '2.0-SNAPSHOT', 'app-2.0-SNAPSHOT.jar', 'yesterday'.bytes)
}
