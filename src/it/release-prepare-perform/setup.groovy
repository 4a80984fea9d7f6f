import io.github.forgemaven.testing.It
import io.github.forgemaven.testing.ReleaseCycle

It.setUp(context)
ReleaseCycle.setUp(context, basedir, localRepositoryPath, itSettingsSecurity)
// The forge's copy of the repository is the bare one prepare pushes to: a tag pushed there becomes a
// tag-only row on the forge, as the push sync makes one on the servers.
It.registry(context).addRepository('acme', 'release-app').follow(ReleaseCycle.remote(basedir))
return null
