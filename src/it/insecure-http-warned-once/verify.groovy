import static io.github.forgemaven.testing.ItAssertions.*

import io.github.forgemaven.testing.It

It.verify(context) { registry ->
    def proxy = context.get('proxy')
    def owner = registry.owner()
    def url = context.get('it.insecure.url')
    ['alpha', 'beta', 'gamma'].each { module ->
        assertStored(registry, owner, registry.name(module), '1.0', new File(basedir, "${module}/target/${module}-1.0.jar"))
    }
    // The token did travel in clear: through the proxy (local in both modes), to the name that is not this machine's.
    def puts = proxy.requests('PUT')
    assert puts.size() == 3 : proxy.requests()
    assert puts.every { it.target().startsWith(url + '/api/packages/' + owner + '/generic/') && it.header('Authorization') != null }

    def warning = "[WARNING] <allowInsecureHttp> (forge.allowInsecureHttp) is true and <url> (forge.url) '${url}' is" +
        " plain http://: the credentials go to forge.insecure.test unencrypted, readable to anyone on the network" +
        " between. Use https:// as soon as the server offers it."
    // only the log's lines about it: a failed assert prints its variables' values, and the whole log may hold a secret
    def insecure = new File(basedir, 'build.log').readLines('UTF-8').findAll { it.contains('allowInsecureHttp') }
    assert insecure.count { it.startsWith('[WARNING]') } == 1 : insecure
    assert insecure.count { it == warning.toString() } == 1 : insecure
    assertNoSecretOf(basedir, registry, 'forge')
}
