import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    // The first build, without a client certificate, failed the handshake; the second, with it, uploaded.
    assertOnlyTheSecondBuildGotThroughTls(basedir, registry,
        'If the server requires a client certificate (mutual TLS), give its key store with MAVEN_OPTS="-Djavax.net.ssl.keyStore=')
}
