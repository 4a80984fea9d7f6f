import io.github.forgemaven.testing.FrontEndProxy
import io.github.forgemaven.testing.It
import io.github.forgemaven.testing.RegistryEmulator

// LIMIT_SIZE_GENERIC of 100 KB: the jars pass, the 300 KB tar does not. A real server's size limit is its
// admin's: in conformance mode a local nginx-like proxy with a 100 KB client_max_body_size in front of it fails
// the tar the same way (a 413 for good, in the middle of the run), so the same rollback runs.
It.setUp(context, RegistryEmulator.builder().sizeLimit(100_000)) { registry ->
    registry.store(registry.owner(), registry.name('app'), '1.0', 'CHANGELOG.txt', 'there before'.bytes)
    if (registry.emulator().isEmpty()) {
        It.behindProxy(context, FrontEndProxy.in(registry).bodyLimit(100_000))
    }
}
