io.github.forgemaven.testing.It.setUp(context) { registry -> registry.addRepository('acme', 'app-source') }
