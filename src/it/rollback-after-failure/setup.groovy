import io.github.forgemaven.testing.RegistryEmulator
import io.github.forgemaven.testing.StandardFixture

// LIMIT_SIZE_GENERIC of 100 KB: the jars pass, the 300 KB tar does not.
def registry = StandardFixture.start(RegistryEmulator.builder().sizeLimit(100_000))
context.put('registry', registry)
context.get('userProperties').put('it.registry.url', registry.baseUrl())
registry.store('acme', 'app', '1.0', 'CHANGELOG.txt', 'there before'.bytes)
true
