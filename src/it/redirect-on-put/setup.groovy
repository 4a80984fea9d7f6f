import io.github.forgemaven.testing.StandardFixture

def registry = StandardFixture.start()
context.put('registry', registry)
context.get('userProperties').put('it.registry.url', registry.baseUrl())
registry.faults().redirectNext('PUT', 1, 301, 'https://git.example.com/api/packages/acme/generic/app/1.0/app-1.0.jar')
true
