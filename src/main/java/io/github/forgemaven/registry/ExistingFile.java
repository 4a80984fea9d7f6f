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
    REPLACE,
    /**
     * A signature with other content whose signed file is identical on the server: a fresh
     * signature of published content (OpenPGP signatures carry their creation time), so the
     * server's stays, whatever {@code onExisting} says.
     */
    SIGNATURE_OF_IDENTICAL;

    /** {@link #decide(Fingerprint, Fingerprint, ExistingFilePolicy, boolean)} for a file that is no such signature. */
    static ExistingFile decide(Fingerprint remote, Fingerprint local, ExistingFilePolicy policy) {
        return decide(remote, local, policy, false);
    }

    /**
     * The one rule for an existing file.
     *
     * @param remote what the server holds under the name
     * @param local what the local file holds
     * @param policy the user's {@code onExisting}
     * @param signsIdenticalFile whether the file is a signature whose signed file the server holds
     *     identically
     */
    static ExistingFile decide(
            Fingerprint remote, Fingerprint local, ExistingFilePolicy policy, boolean signsIdenticalFile) {
        if (local.matches(remote)) {
            return IDENTICAL;
        }
        if (signsIdenticalFile) {
            return SIGNATURE_OF_IDENTICAL;
        }
        return switch (policy) {
            case FAIL -> CONFLICT;
            case SKIP -> KEEP;
            case REPLACE -> REPLACE;
        };
    }
}
