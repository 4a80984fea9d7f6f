io.github.forgemaven.testing.It.setUp(context) { registry -> registry.faults().failNext('PUT', 1, 503, '1') }
