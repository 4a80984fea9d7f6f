package io.github.forgemaven.registry;

import io.github.forgemaven.registry.http.Fingerprint;
import io.github.forgemaven.registry.plan.ExistingFilePolicy;

/**
 * What a run does about a file whose name the version already holds, whether it learnt that from
 * the listing before uploading or from a {@code 409} after.
 */
enum ExistingFile {
    /** The server holds the same content: nothing to send. */
    IDENTICAL,
    /** Other content, and {@code onExisting=fail}: the run stops. */
    CONFLICT,
    /** Other content, and {@code onExisting=skip}: the server's file stays, with a warning. */
    KEEP,
    /** Other content, and {@code onExisting=replace}: delete the server's file and upload the local one. */
    REPLACE;

    /**
     * The one rule for an existing file.
     *
     * @param remote what the server holds under the name
     * @param local what the local file holds
     * @param policy the user's {@code onExisting}
     */
    static ExistingFile decide(Fingerprint remote, Fingerprint local, ExistingFilePolicy policy) {
        if (local.matches(remote)) {
            return IDENTICAL;
        }
        return switch (policy) {
            case FAIL -> CONFLICT;
            case SKIP -> KEEP;
            case REPLACE -> REPLACE;
        };
    }
}
