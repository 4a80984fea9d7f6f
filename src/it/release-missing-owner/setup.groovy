io.github.forgemaven.testing.It.setUp(context)
