// The invoker's selector script in conformance mode only (-Pconformance): runs the ITs that
// conformance.txt marks 'run' against the real server and skips the others with a line saying why.
// The invoker binds basedir to this script's directory as reached from the IT's clone, through the
// pom's <selectorScript>../../../src/it/conformance-select.groovy: the clone is what precedes that.
def suffix = File.separator + ['..', '..', '..', 'src', 'it'].join(File.separator)
assert basedir.path.endsWith(suffix) : "the invoker ran the selector from ${basedir}, not from an IT's clone"
def clone = new File(basedir.path.substring(0, basedir.path.length() - suffix.length()))
return io.github.forgemaven.testing.conformance.Conformance.select(context, clone, new File(conformanceList))
