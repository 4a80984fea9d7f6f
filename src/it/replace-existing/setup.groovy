import io.github.forgemaven.testing.StandardFixture

def registry = StandardFixture.start()
context.put('registry', registry)
context.get('userProperties').put('it.registry.url', registry.baseUrl())
registry.store('acme', 'app', '1.0', 'app-1.0-sources.jar', 'published earlier'.bytes)
registry.store('acme', 'app', '1.0', 'notes.txt', 'keep me'.bytes)
true
