package io.github.forgemaven.testing.forge;

import java.util.Set;

/** The scopes of a personal access token (spec §6.3): {@code write:package} implies read, {@code all} everything. */
public record TokenScope(Set<String> scopes) {

    public TokenScope {
        scopes = Set.copyOf(scopes);
    }

    boolean allows(Access required) {
        if (scopes.contains("all") || scopes.contains("write:package")) {
            return true;
        }
        return required == Access.READ && scopes.contains("read:package");
    }

    boolean publicOnly() {
        return scopes.contains("public-only");
    }

    /** The scope the v1 API names in its 403 message. */
    static String nameFor(Access required) {
        return required == Access.WRITE ? "write:package" : "read:package";
    }
}
