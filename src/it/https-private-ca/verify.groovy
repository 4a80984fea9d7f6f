import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    // The first build, without the CA in a trust store, failed the handshake; the second, with it, uploaded.
    assertOnlyTheSecondBuildGotThroughTls(basedir, registry,
        'If the server\'s certificate comes from a private CA, import the CA\'s certificate into a trust store')
}
