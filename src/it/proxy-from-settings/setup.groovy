import io.github.forgemaven.testing.It
import io.github.forgemaven.testing.RecordingProxy

It.setUp(context)
def proxy = It.keep(context, 'proxy', RecordingProxy.start('proxy-user', 'proxy-Pa55word'))
It.userProperty(context, 'settings.security', new File(basedir, 'settings-security.xml').absolutePath)

// The global IT settings (interpolated here as the invoker does), plus the proxies. An inactive proxy comes
// first (it must be skipped), then an https-only one (not used for an http URL), then the one to use.
def root = basedir.parentFile.parentFile.parentFile
def global = new File(root, 'src/it/settings.xml').getText('UTF-8')
        .replace('@localRepositoryUrl@', localRepositoryPath.toURI().toString())
def proxies = """
  <proxies>
    <proxy>
      <id>switched-off</id>
      <active>false</active>
      <protocol>http</protocol>
      <host>127.0.0.1</host>
      <port>9</port>
    </proxy>
    <proxy>
      <id>tls-only</id>
      <active>true</active>
      <protocol>https</protocol>
      <host>127.0.0.1</host>
      <port>9</port>
    </proxy>
    <proxy>
      <id>it-proxy</id>
      <active>true</active>
      <protocol>http</protocol>
      <host>${proxy.host()}</host>
      <port>${proxy.port()}</port>
      <username>proxy-user</username>
      <!-- proxy-Pa55word, encrypted with the master password of settings-security.xml -->
      <password>{Og/cJ5oEpvgHzAW1VYFxlvFLQNAVFpW+qUpjWaMSOKM=}</password>
      <nonProxyHosts>localhost|*.example.com</nonProxyHosts>
    </proxy>
  </proxies>
</settings>"""
// One fixed place under target/, whichever folder the ITs were cloned to (the Maven-versions script uses
// one per version); invoker.properties names it.
new File(root, 'target/proxy-it-settings.xml').setText(global.replace('</settings>', proxies), 'UTF-8')
