/**
 * The releases API on the wire: look a release up by tag, create, edit, publish and delete it, list,
 * upload, link and delete its assets, each an exchange over the one
 * {@link io.github.forgemaven.registry.http.RegistryClient} of a run, with the servers' JSON decoded into
 * {@link io.github.forgemaven.registry.http.releases.RemoteRelease} and
 * {@link io.github.forgemaven.registry.http.releases.RemoteAsset}.
 *
 * <p>Imports no HttpClient type itself; the {@link io.github.forgemaven.release} run is built on it.
 */
package io.github.forgemaven.registry.http.releases;
