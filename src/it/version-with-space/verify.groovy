import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    assertStored(registry, registry.owner(), registry.name('app'), '1.0 beta', new File(basedir, 'target/app-1.0.jar'))
    It.emulatorOnly(context, 'the encoded path of the PUT') { emulator ->
        assert puts(emulator)*.rawTarget == ['/api/packages/acme/generic/app/1.0%20beta/app-1.0.jar']
    }
}
