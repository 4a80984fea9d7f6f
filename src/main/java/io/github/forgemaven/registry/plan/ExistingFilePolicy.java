package io.github.forgemaven.registry.plan;

import java.util.Locale;

/** What to do when a file of the same name but different content is already in the version. */
public enum ExistingFilePolicy {
    /** Stop before uploading anything. */
    FAIL,
    /** Keep the remote file, warn, and upload the rest. */
    SKIP,
    /** Delete the remote file and upload the local one. */
    REPLACE;

    /** {@code replace} for {@code -SNAPSHOT} versions, which are rebuilt under the same name; {@code fail} otherwise. */
    public static ExistingFilePolicy defaultFor(String packageVersion) {
        return packageVersion.endsWith("-SNAPSHOT") ? REPLACE : FAIL;
    }

    /**
     * Parses {@code fail}, {@code skip} or {@code replace}, ignoring case.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static ExistingFilePolicy parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not one of fail, skip, replace", e);
        }
    }

    /** The value as users write it. */
    public String userValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
