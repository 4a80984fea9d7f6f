// on the emulator acme/app is ready for a release, so a build that guessed its repository (the artifactId,
// app) would get through to it, and the emulator would see the requests
io.github.forgemaven.testing.It.setUpRelease(context) { registry ->
    // v1.0 on the emulator; a tag of the case's own on a real server (the case needs no repository, so the
    // conformance run passes no forge.tag)
    io.github.forgemaven.testing.It.userProperty(context, 'it.tag', registry.name('v1.0'))
}
