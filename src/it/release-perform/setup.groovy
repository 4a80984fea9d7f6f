import io.github.forgemaven.testing.It

// Runs git in dir and fails the IT with git's output when git fails.
def git = { File dir, String... args ->
    def process = (['git'] + args.toList()).execute(null, dir)
    def out = new StringBuilder()
    process.waitForProcessOutput(out, out)
    assert process.exitValue() == 0 : "git ${args.join(' ')} in ${dir}: ${out}"
    out.toString()
}

It.setUp(context)
def registry = It.registry(context)

// The sample project becomes a git working copy whose remote is a bare repository beside it.
def remote = new File(basedir, 'remote.git')
remote.deleteDir()
new File(basedir, '.git').deleteDir()
def remoteUrl = 'file://' + remote.absolutePath
def pom = new File(basedir, 'pom.xml')
pom.text = pom.getText('UTF-8').replace('IT-REMOTE-URL', remoteUrl)

// Build output and the invoker's files stay out of the sample repository, so that release:prepare
// finds no local modifications (written here: the invoker does not clone dot files).
new File(basedir, '.gitignore').text = '/target/\n/build.log\n/remote.git/\n'

// A committed .mvn, as real projects have: Maven 4 looks for it to find the root of the project, and
// without one in perform's checkout it would take the IT folder above it for the root and warn.
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = ''

git(basedir, 'init', '-q', '--bare', remote.absolutePath)
// The remote's HEAD must name the branch that gets pushed: perform's checkout fetches HEAD.
git(remote, 'symbolic-ref', 'HEAD', 'refs/heads/main')
git(basedir, 'init', '-q')
git(basedir, 'symbolic-ref', 'HEAD', 'refs/heads/main')
// release:prepare commits and tags: an identity of its own, and no signing whatever the machine's
// global git configuration says.
git(basedir, 'config', 'user.name', 'Release IT')
git(basedir, 'config', 'user.email', 'release-it@example.invalid')
git(basedir, 'config', 'commit.gpgSign', 'false')
git(basedir, 'config', 'tag.gpgSign', 'false')
git(basedir, 'add', '-A')
git(basedir, 'commit', '-q', '-m', 'The sample project, at 1.0-SNAPSHOT')
git(basedir, 'push', '-q', remoteUrl, 'main')

It.userProperty(context, 'releaseVersion', '1.0')
It.userProperty(context, 'developmentVersion', '1.1-SNAPSHOT')
// The forked builds (prepare's `clean verify`, perform's `deploy`) get the settings of this build
// from maven-release-plugin (it writes them to a temporary release-settings.xml and passes -s), but
// not this build's -D user properties: they get the `arguments` set here instead.
// - the registry's URL;
// - the master password: the plugin re-encrypts the settings' passwords for the fork when one exists
//   (settings.security, which every IT build gets), and the fork must decrypt them again;
// - the ITs' local repository, explicitly, so that the fork uses the plugin build under test
//   and not an older copy installed in ~/.m2.
// (A String, not a GString: the invoker cannot pass a GString user property and skips the build.)
String forkArguments = "-Dit.registry.url=${registry.baseUrl()} -Dsettings.security=${itSettingsSecurity}" +
        " -Dmaven.repo.local=${localRepositoryPath.absolutePath} -Daether.remoteRepositoryFilter.prefixes=false"
It.userProperty(context, 'it.release.arguments', forkArguments)
