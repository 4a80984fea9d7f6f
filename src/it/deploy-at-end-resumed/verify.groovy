import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner()
    // build 1 (-rf :c) sent nothing; build 2 (-pl :c) published c alone, as asked
    It.emulatorOnly(context, 'that the two builds sent exactly 1 PUT') { emulator ->
        assert puts(emulator).size() == 1
    }
    assertStored(registry, owner, registry.name('c'), '4.0', new File(basedir, 'c/target/c-4.0.jar'))
    assertFileCount(registry, owner, registry.name('c'), '4.0', 1)
    ['rsm-parent', 'a', 'b'].each { assert !registry.versionExists(owner, registry.name(it), '4.0') : it }
    assertLogContains(basedir,
        'This build was resumed (-rf :c), so 3 module(s) before the resume point that run forge:deploy-generic'
            + ' are not part of it and their files would not be published: a, b, rsm-parent. With deployAtEnd,'
            + ' a release is published whole or not at all: run the whole build again, the same command without'
            + ' -rf :c (mvn deploy); files already published with the same content count as published.',
        'This build holds 1 of the 4 modules that run forge:deploy-generic: publishing c; left out (not'
            + ' selected, e.g. by -pl): a, b, rsm-parent.')
}
