import io.github.forgemaven.testing.It
import io.github.forgemaven.testing.RecordingProxy

It.setUp(context)
def registry = It.registry(context)
// A host name that is not this machine's, so that the plugin treats the URL as insecure, which the proxy
// of settings.xml maps to the emulator on the loopback address.
def proxy = It.keep(context, 'proxy', RecordingProxy.start().alias('forge.insecure.test', '127.0.0.1'))
def port = new URI(registry.baseUrl()).port
It.userProperty(context, 'it.insecure.url', "http://forge.insecure.test:${port}".toString())

def root = basedir.parentFile.parentFile.parentFile
def global = new File(root, 'src/it/settings.xml').getText('UTF-8')
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
