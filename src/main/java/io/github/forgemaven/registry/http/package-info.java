/**
 * The wire: the one HttpClient 5 client of a run (TLS, proxies, timeouts, preemptive Basic
 * authentication), the streamed body that hashes what it sends, bounded retries, and the exchanges with
 * the server (upload, listing, deletion, version, linking) with the failures they report.
 *
 * <p>The only package that imports HttpClient beyond its exception types. Depends on
 * {@link io.github.forgemaven.registry.plan} for URLs; knows nothing of the run built on it.
 */
package io.github.forgemaven.registry.http;
