io.github.forgemaven.testing.It.setUp(context) { registry ->
    registry.faults().redirectNext('PUT', 1, 301, 'https://git.example.com/api/packages/acme/generic/app/1.0/app-1.0.jar')
}
