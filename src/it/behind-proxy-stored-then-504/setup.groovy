import io.github.forgemaven.testing.FrontEndProxy
import io.github.forgemaven.testing.It

It.setUp(context) { registry -> It.behindProxy(context, FrontEndProxy.in(registry)).answerAfterServer('PUT', 1, 504) }
