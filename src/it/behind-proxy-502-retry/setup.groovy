import io.github.forgemaven.testing.FrontEndProxy
import io.github.forgemaven.testing.It

It.setUp(context) { registry -> It.behindProxy(context, FrontEndProxy.in(registry)).failAfterBody('PUT', 1, 502) }
