/**
 * The behaviour of Forgejo and Gitea, as read from their source and tests: accounts, tokens and their
 * scopes, authentication and access, the generic package API and the JSON API, validation, the package
 * store and its blobs.
 *
 * <p>Speaks to the wire through {@link io.github.forgemaven.testing.server} only.
 */
package io.github.forgemaven.testing.forge;
