import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def owner = registry.owner(), app = registry.name('app')
    def rebuilt = new File(basedir, 'target/app-1.0.jar')
    def stored = registry.file(owner, app, '1.0', 'app-1.0.jar').get().bytes()
    assert stored.length == rebuilt.length() && stored != rebuilt.bytes : 'same size, other bytes'
    It.emulatorOnly(context, 'that the re-run sent no PUT') { emulator ->
        assert puts(emulator).size() == 1 : 'the re-run sent nothing'
    }
    assertLogContains(basedir,
        owner + '/' + app + '/1.0 already holds a file of the same name with other content; nothing was uploaded:',
        'Same size, other content: the build is most likely not reproducible, so every build makes other bytes:'
            + ' without project.build.outputTimestamp (Maven 4 sets it by default) jars hold the time they were built,'
            + " and on any Maven so do bnd's Bnd-LastModified, javadoc's timestamps and resources filtered with"
            + ' ${maven.build.timestamp}. Make the next release reproducible (Maven\'s Reproducible Builds guide,'
            + ' https://maven.apache.org/guides/mini/guide-reproducible-builds.html); for this one, keep what is'
            + ' published with <onExisting>skip</onExisting> (-Dforge.onExisting=skip), or release a new version.')
}
