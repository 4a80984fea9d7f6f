import io.github.forgemaven.testing.It
import io.github.forgemaven.testing.RegistryEmulator

// LIMIT_SIZE_GENERIC of 100 KB: the jars pass, the 300 KB tar does not.
It.setUp(context, RegistryEmulator.builder().sizeLimit(100_000)) { registry ->
    registry.store('acme', 'app', '1.0', 'CHANGELOG.txt', 'there before'.bytes)
}
