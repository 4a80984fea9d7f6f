import io.github.forgemaven.testing.StandardFixture

def registry = StandardFixture.start()
context.put('registry', registry)
context.get('userProperties').put('it.registry.url', registry.baseUrl())
registry.store('acme', 'app', '1.0', 'APP-1.0-SOURCES.JAR', 'published earlier'.bytes)
true
