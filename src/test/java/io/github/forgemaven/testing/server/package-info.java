/**
 * An HTTP/1.1 server on loopback written for tests: request heads and targets, bodies (chunked,
 * {@code Expect: 100-continue}), responses, and a server that discards what it reads. It knows nothing
 * of the forges.
 */
package io.github.forgemaven.testing.server;
