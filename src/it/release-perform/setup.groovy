import io.github.forgemaven.testing.It
import io.github.forgemaven.testing.ReleaseCycle

It.setUp(context)
ReleaseCycle.setUp(context, basedir, localRepositoryPath, itSettingsSecurity)
