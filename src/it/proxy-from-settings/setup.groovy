import io.github.forgemaven.testing.It
import io.github.forgemaven.testing.RecordingProxy

It.setUp(context)
def registry = It.server(context)
def proxy = It.keep(context, 'proxy', RecordingProxy.start('proxy-user', 'proxy-Pa55word'))
It.userProperty(context, 'settings.security', new File(basedir, 'settings-security.xml').absolutePath)

// The global IT settings (interpolated here as the invoker does), plus the proxies. An inactive proxy comes
// first (it must be skipped), then one for the other protocol (an https-only one for an http URL, not used;
// an http one for an https URL, used only when there is no https one), then the one to use. The proxy is
// local in both modes: in conformance mode (conformance-settings.xml, whose @conformance.*@ values the
// invoker fills in as it interpolates this file) it stands in front of the real server, tunnelling https.
def root = basedir.parentFile.parentFile.parentFile
def url = new URI(registry.baseUrl())
def protocol = url.scheme.toLowerCase(Locale.ROOT)
def other = protocol == 'https' ? 'http' : 'https'
def global = new File(root, registry.emulator().isPresent() ? 'src/it/settings.xml' : 'src/it/conformance-settings.xml')
        .getText('UTF-8')
        .replace('@localRepositoryUrl@', localRepositoryPath.toURI().toString())
// Hosts the proxy is not for, in <nonProxyHosts>' syntax; in conformance mode none that a real server (such as
// a local one on http://localhost:3000) could be on.
def nonProxyHosts = registry.emulator().isPresent() ? 'localhost|*.example.com' : 'nonproxied.invalid|*.nonproxied.invalid'
def proxies = """
  <proxies>
    <proxy>
      <id>switched-off</id>
      <active>false</active>
      <protocol>${protocol}</protocol>
      <host>127.0.0.1</host>
      <port>9</port>
    </proxy>
    <proxy>
      <id>${other == 'https' ? 'tls-only' : 'plain-only'}</id>
      <active>true</active>
      <protocol>${other}</protocol>
      <host>127.0.0.1</host>
      <port>9</port>
      <!-- not for Central (https), which an IT build run first, before any other filled the ITs' local
           repository, reaches for what the invoker did not install there (junit-bom): through it-proxy -->
      <nonProxyHosts>repo.maven.apache.org</nonProxyHosts>
    </proxy>
    <proxy>
      <id>it-proxy</id>
      <active>true</active>
      <protocol>${protocol}</protocol>
      <host>${proxy.host()}</host>
      <port>${proxy.port()}</port>
      <username>proxy-user</username>
      <!-- proxy-Pa55word, encrypted with the master password of settings-security.xml -->
      <password>{Og/cJ5oEpvgHzAW1VYFxlvFLQNAVFpW+qUpjWaMSOKM=}</password>
      <nonProxyHosts>${nonProxyHosts}</nonProxyHosts>
    </proxy>
  </proxies>
</settings>"""
// One fixed place under target/, whichever folder the ITs were cloned to (the Maven-versions script uses
// one per version); invoker.properties names it.
new File(root, 'target/proxy-it-settings.xml').setText(global.replace('</settings>', proxies), 'UTF-8')
