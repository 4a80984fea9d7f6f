io.github.forgemaven.testing.It.setUp(context) { registry ->
    registry.store('acme', 'app', '2.0-SNAPSHOT', 'app-2.0-SNAPSHOT.jar', 'yesterday'.bytes)
}
