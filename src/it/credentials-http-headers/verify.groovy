import static io.github.forgemaven.testing.ItAssertions.*

def registry = context.get('registry')
try {
    assertStored(registry, 'acme', 'app', '1.0', new File(basedir, 'target/app-1.0.jar'))
    assert puts(registry)[0].header('Authorization') == 'token ' + io.github.forgemaven.testing.StandardFixture.WRITE_TOKEN
    assertLogContains(basedir, "Credentials: <server> 'forge-http-headers' in settings.xml, a token, sent as its Authorization header.")
} finally {
    registry?.close()
}
