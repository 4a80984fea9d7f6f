import io.github.forgemaven.testing.It

It.setUp(context) { registry ->
    // readonly-org: the deployer is a reader there; on a real server, the run's foreign owner
    It.userProperty(context, 'it.foreignOwner', registry.emulator().present ? 'readonly-org' : registry.foreignOwner())
}
