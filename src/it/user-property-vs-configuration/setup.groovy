import io.github.forgemaven.testing.It

It.setUp(context) { registry ->
    // as a CI workflow's -Dforge.owner=other: 'other' on the emulator; a name of the case's own on a real server,
    // so that an upload the plugin wrongly sent there could reach nobody's owner
    It.userProperty(context, 'forge.owner', registry.name('other'))
}
