import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), c = registry.name('c')
    // build 1 (-rf :c) sent nothing; build 2 (-pl :c) published c alone, as asked. a, b and rsm-parent are in
    // neither build, so nothing of theirs could be published.
    It.emulatorOnly(context, 'that build 1 sent no request, the case\'s point (build 2 stores the same c-4.0.jar, so a real server holds the same either way; its log, checked below, shows no upload): exactly 1 PUT in all') { emulator ->
        assert puts(emulator).size() == 1
    }
    def log = new File(basedir, 'build.log').readLines()
    def build1 = log.take(log.findIndexOf { it.contains('BUILD FAILURE') })
    assert !build1.isEmpty() && !build1.any { it.contains('] Uploaded ') } : 'build 1 failed, and logged no upload'
    assertStored(registry, owner, c, '4.0', new File(basedir, 'c/target/c-4.0.jar'))
    assertFileNames(registry, owner, c, '4.0', 'c-4.0.jar')
    assertLogContains(basedir,
        'This build was resumed (-rf :c), so 3 module(s) before the resume point that run forge:deploy-generic'
            + ' are not part of it and their files would not be published: a, b, rsm-parent. With deployAtEnd,'
            + ' a release is published whole or not at all: run the whole build again, the same command without'
            + ' -rf :c (mvn deploy); files already published with the same content count as published.',
        'This build holds 1 of the 4 modules that run forge:deploy-generic: publishing c; left out (not'
            + ' selected, e.g. by -pl): a, b, rsm-parent.')
}
