import static io.github.forgemaven.testing.ItAssertions.*

// The URL is another host's, so no emulator here could see a request: the check itself is RegistryUrlTest's.
// This build shows that the mojo runs it and says why and how to fix.
assertLogContains(basedir, "<url> (forge.url) 'http://git.example.com' would send your token in clear text: use https://, or set <allowInsecureHttp>true</allowInsecureHttp>")
