/**
 * What tests, invoker ITs, the demo and the benchmark use: the registry emulator and its standard
 * fixture, the fault injection, a recording proxy, test certificates and the assertions the ITs' verify
 * scripts call.
 *
 * <p>Built on {@link io.github.forgemaven.testing.forge} (the servers' behaviour) and
 * {@link io.github.forgemaven.testing.server} (the HTTP/1.1 plumbing).
 */
package io.github.forgemaven.testing;
