io.github.forgemaven.testing.It.setUp(context) { registry ->
    def repo = registry.repository('acme', 'app')
    repo.pushTag('v1.0', repo.head().get())
    repo.addCommit('main', '1c0ffee1c0ffee1c0ffee1c0ffee1c0ffee1c0ff')
}
