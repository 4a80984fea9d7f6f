io.github.forgemaven.testing.It.setUp(context) { registry -> registry.faults().dropConnectionMidBody(1, 100000) }
