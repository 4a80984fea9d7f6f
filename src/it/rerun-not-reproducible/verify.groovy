import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def rebuilt = new File(basedir, 'target/app-1.0.jar')
    def stored = registry.file('acme', 'app', '1.0', 'app-1.0.jar').get().bytes()
    assert stored.length == rebuilt.length() && stored != rebuilt.bytes : 'same size, other bytes'
    assert puts(registry).size() == 1 : 'the re-run sent nothing'
    assertLogContains(basedir,
        'acme/app/1.0 already holds a file of the same name with other content; nothing was uploaded:',
        'Same size, other content: the build is most likely not reproducible (without'
            + ' project.build.outputTimestamp, jars hold the time they were built; bnd\'s Bnd-LastModified and'
            + ' javadoc\'s timestamps do the same), so every build makes other bytes. Set project.build.outputTimestamp'
            + ' (Maven\'s Reproducible Builds guide, https://maven.apache.org/guides/mini/guide-reproducible-builds.html)'
            + ' for the next release; for this one, keep what is published with <onExisting>skip</onExisting>'
            + ' (-Dforge.onExisting=skip), or release a new version.')
}
