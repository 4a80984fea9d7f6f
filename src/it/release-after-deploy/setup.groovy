io.github.forgemaven.testing.It.setUpRelease(context)
