io.github.forgemaven.testing.It.setUp(context) { registry ->
    io.github.forgemaven.testing.It.userProperty(context, 'it.unknownOwner', registry.name('no-such-org'))
}
