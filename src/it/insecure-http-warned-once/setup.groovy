import io.github.forgemaven.testing.It
import io.github.forgemaven.testing.RecordingProxy

It.setUp(context)
def registry = It.server(context)
// A host name that is not this machine's, so that the plugin treats the URL as insecure, which the proxy
// of settings.xml maps to the server. The proxy is local in both modes: on the emulator it connects the name
// to the loopback address (the emulator's port in the URL); in conformance mode it sends what comes for the
// name to the real server (over TLS if that is https://, as a reverse proxy in front of it would), so the
// plugin's side of the wire is plain http:// either way.
def proxy = It.keep(context, 'proxy', RecordingProxy.start())
def server = new URI(registry.baseUrl())
def url
if (registry.emulator().isPresent()) {
    proxy.alias('forge.insecure.test', '127.0.0.1')
    url = "http://forge.insecure.test:${server.port}"
} else {
    proxy.route('forge.insecure.test', server)
    url = "http://forge.insecure.test${server.port > 0 ? ':' + server.port : ''}${server.rawPath ?: ''}"
}
It.userProperty(context, 'it.insecure.url', url.toString())
context.put('it.insecure.url', url.toString())

// The global IT settings (in conformance mode conformance-settings.xml, whose @conformance.*@ values the
// invoker fills in as it interpolates this file), plus the proxy.
def root = basedir.parentFile.parentFile.parentFile
def global = new File(root, registry.emulator().isPresent() ? 'src/it/settings.xml' : 'src/it/conformance-settings.xml')
        .getText('UTF-8')
        .replace('@localRepositoryUrl@', localRepositoryPath.toURI().toString())
def proxies = """
  <proxies>
    <proxy>
      <id>it-proxy</id>
      <active>true</active>
      <protocol>http</protocol>
      <host>${proxy.host()}</host>
      <port>${proxy.port()}</port>
      <nonProxyHosts>localhost|127.0.0.1</nonProxyHosts>
    </proxy>
  </proxies>
</settings>"""
// One fixed place under the plugin's target/, which invoker.properties names.
new File(root, 'target/insecure-http-it-settings.xml').setText(global.replace('</settings>', proxies), 'UTF-8')
