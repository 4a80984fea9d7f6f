import io.github.forgemaven.testing.forge.Flavour
import io.github.forgemaven.testing.RegistryEmulator
import io.github.forgemaven.testing.StandardFixture

def registry = StandardFixture.start(RegistryEmulator.builder().flavour(Flavour.GITEA).appVersion('1.23.4').linkApi(false))
context.put('registry', registry)
context.get('userProperties').put('it.registry.url', registry.baseUrl())
registry.addRepository('acme', 'app-source')
