import io.github.forgemaven.testing.It
import io.github.forgemaven.testing.RegistryEmulator
import io.github.forgemaven.testing.StandardFixture

It.setUp(context) { registry ->
    // Central's publisher API is the emulator's /central, which answers 404. Against a real forge, which
    // plays no Central (and no test may reach real Central), an emulator of the case's own on loopback
    // plays it, signed in to with forge-wrong-token's bogus password, so the run's token goes nowhere else.
    def central = registry.emulator().orElseGet {
        It.keep(context, 'central', StandardFixture.start(RegistryEmulator.builder()))
    }
    It.userProperty(context, 'it.central.url', central.baseUrl() + '/central')
    It.userProperty(context, 'it.central.serverId', registry.emulator().present ? 'forge' : 'forge-wrong-token')
}
