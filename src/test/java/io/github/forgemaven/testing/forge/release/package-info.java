/**
 * The releases API of Forgejo and Gitea as {@code forgejo-releases-api.md} describes it: repositories with
 * their git side (commits, branches, tags), release rows (tag-only rows, drafts), assets and their
 * downloads, with the differences between server versions.
 *
 * <p>Builds on the accounts, tokens and access rules of {@link io.github.forgemaven.testing.forge} and
 * speaks to the wire through {@link io.github.forgemaven.testing.server} only.
 */
package io.github.forgemaven.testing.forge.release;
