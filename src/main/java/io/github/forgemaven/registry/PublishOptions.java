package io.github.forgemaven.registry;

/**
 * How careful and how fast a run is.
 *
 * @param verify after the uploads, compare the server's size and SHA-256 of each file sent with the local file
 * @param rollback when a run fails, delete again the files it created
 * @param parallel how many files of a version may be uploaded at once (the first one always goes alone)
 */
public record PublishOptions(boolean verify, boolean rollback, int parallel) {

    /** One upload at a time. */
    public PublishOptions(boolean verify, boolean rollback) {
        this(verify, rollback, 1);
    }
}
