io.github.forgemaven.testing.It.setUpRelease(context) { registry ->
    // what the repository holds of a plain v1.0 before the build (a real server's may have one of its own),
    // for verify.groovy to see that the build did not make or change one
    def owner = registry.owner(), repo = registry.repository()
    context.put('plainV1Before', [registry.release(owner, repo, 'v1.0').map { [it.id(), it.assets()*.id()] }.orElse(null),
        registry.tagExists(owner, repo, 'v1.0')])
}
