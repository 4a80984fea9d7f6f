package io.github.forgemaven.testing;

/** Visibility of a user or organisation. */
public enum Visibility {
    PUBLIC,
    LIMITED,
    PRIVATE
}
