import io.github.forgemaven.testing.It

It.setUp(context) { registry ->
    // the emulator gets a repository of its own; a real server links to the run's repository
    registry.emulator().ifPresent { emulator -> emulator.addRepository('acme', 'app-source') }
    It.userProperty(context, 'it.linkRepository', registry.emulator().present ? 'app-source' : registry.repository())
}
