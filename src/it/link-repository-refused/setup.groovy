import io.github.forgemaven.testing.It

It.setUp(context) { registry ->
    // a repository the owner does not have: on a real server a name of the case's own, which surely does not exist
    It.userProperty(context, 'it.linkRepository', registry.name('app-source'))
}
