import io.github.forgemaven.testing.It
import io.github.forgemaven.testing.RegistryEmulator
import io.github.forgemaven.testing.forge.Flavour

It.setUp(context, RegistryEmulator.builder().flavour(Flavour.GITEA).appVersion('1.23.4').linkApi(false)) { registry ->
    registry.addRepository('acme', 'app-source')
}
