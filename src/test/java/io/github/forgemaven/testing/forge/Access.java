package io.github.forgemaven.testing.forge;

/** Package access level, ordered from none to write; a team's "Packages" unit permission in an organisation. */
public enum Access {
    NONE,
    READ,
    WRITE;

    public boolean atLeast(Access required) {
        return compareTo(required) >= 0;
    }
}
