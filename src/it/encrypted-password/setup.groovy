import io.github.forgemaven.testing.It

def security = new File(basedir, 'settings-security.xml')
It.setUp(context)
// src/it/settings.xml has the fixture account's password encrypted with this master password; against a
// real server the build gets the run's token encrypted with it, as mvn --encrypt-password would
It.encryptedServer(context, 'forge-encrypted', security)
It.userProperty(context, 'settings.security', security.absolutePath)
