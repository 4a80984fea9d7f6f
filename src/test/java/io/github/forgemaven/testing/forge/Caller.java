package io.github.forgemaven.testing.forge;

/** Who sent a request: anonymous (no user), a user, or the Actions pseudo-user; scope only for token logins. */
public record Caller(Account user, TokenScope scope) {

    static final Caller ANONYMOUS = new Caller(null, null);

    public boolean signedIn() {
        return user != null;
    }

    public boolean admin() {
        return user != null && user.admin();
    }
}
