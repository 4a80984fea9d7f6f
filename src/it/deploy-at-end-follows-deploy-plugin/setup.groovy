import io.github.forgemaven.testing.StandardFixture

def registry = StandardFixture.start()
context.put('registry', registry)
context.get('userProperties').put('it.registry.url', registry.baseUrl())
