package io.github.forgemaven.testing.forge;

/** Visibility of a user or organisation. */
public enum Visibility {
    PUBLIC,
    LIMITED,
    PRIVATE
}
