package io.github.forgemaven.registry.http;

/**
 * The answer to "which files does this version hold": the files, or why the server would not say.
 *
 * @param files the files, or {@link RemoteFiles#NONE} when the version does not exist or the listing was refused
 * @param refusal why the listing could not be used (e.g. {@code HTTP 403}), or {@code null} when it could
 */
public record Listing(RemoteFiles files, String refusal) {

    static Listing of(RemoteFiles files) {
        return new Listing(files, null);
    }

    static Listing refused(String why) {
        return new Listing(RemoteFiles.NONE, why);
    }

    /** Whether the server told what the version holds. */
    public boolean known() {
        return refusal == null;
    }
}
