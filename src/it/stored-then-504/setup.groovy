io.github.forgemaven.testing.It.setUp(context) { registry -> registry.faults().storeThenAnswer(1, 504) }
