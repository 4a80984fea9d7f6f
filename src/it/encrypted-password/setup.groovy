import io.github.forgemaven.testing.It

It.setUp(context)
It.userProperty(context, 'settings.security', new File(basedir, 'settings-security.xml').absolutePath)
