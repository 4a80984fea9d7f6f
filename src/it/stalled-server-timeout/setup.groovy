io.github.forgemaven.testing.It.setUp(context) { registry -> registry.faults().stallNext('PUT', 1, true) }
