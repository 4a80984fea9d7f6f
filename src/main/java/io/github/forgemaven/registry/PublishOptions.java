package io.github.forgemaven.registry;

/**
 * How careful a run is.
 *
 * @param verify after the uploads, compare the server's size and SHA-256 of each file sent with the local file
 * @param rollback when a run fails, delete again the files it created
 */
public record PublishOptions(boolean verify, boolean rollback) {}
