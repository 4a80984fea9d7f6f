io.github.forgemaven.testing.It.setUp(context, io.github.forgemaven.testing.RegistryEmulator.builder().flavour(io.github.forgemaven.testing.forge.Flavour.GITEA)) { registry ->
    registry.repository('acme', 'app').addCommit('main', '1c0ffee1c0ffee1c0ffee1c0ffee1c0ffee1c0ff')
}
