package io.github.forgemaven.release;

/**
 * A release run failed. The message says what the server or the network answered, what to change,
 * what was rolled back and what was left, and what to run next.
 */
public final class ReleaseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean fixableByUser;

    ReleaseException(String message, Throwable cause, boolean fixableByUser) {
        super(message, cause);
        this.fixableByUser = fixableByUser;
    }

    /** Whether the user can fix the cause (configuration, token, repository) rather than wait for the server. */
    public boolean fixableByUser() {
        return fixableByUser;
    }
}
