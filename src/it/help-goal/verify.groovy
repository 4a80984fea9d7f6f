// Only forge:help runs (invoker.goals): no emulator, nothing that could be sent.
def log = new File(basedir, 'build.log').text
assert log.contains('forge:deploy-generic')
['url', 'owner', 'serverId', 'packageName', 'packageVersion', 'skip', 'dryRun', 'includePom', 'includes',
 'excludes', 'files', 'fileNames', 'onExisting', 'retries', 'verify', 'rollback', 'deployAtEnd', 'parallel',
 'linkRepository', 'allowInsecureHttp', 'connectTimeout', 'responseTimeout'].each { name ->
    assert log =~ /(?m)^ {4}${name}( \(Default: .*\))?$/ : "help lacks parameter ${name}"
    assert log.contains('User property: forge.' + name) : "help lacks forge.${name}"
}
true
