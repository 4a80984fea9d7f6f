package io.github.forgemaven.registry.plan;

import java.nio.file.Path;

/**
 * One local file and the name it gets in the package version.
 *
 * <p>The size is read once, when {@link PublicationPlan#of} checks the file; everything after (the upload's
 * {@code Content-Length}, the log lines, the hints, the record) uses that one figure. A file that changes size
 * after that fails its upload rather than being sent with a length it does not have.
 *
 * @param fileName the name in the registry
 * @param path the local file
 * @param origin what the file is, in the user's words (e.g. {@code main artifact}, {@code attached sources jar})
 * @param size the number of bytes, or {@link #UNREAD} before the plan has read it
 */
public record UploadFile(String fileName, Path path, String origin, long size) {

    /** The size of a file not yet checked by a plan. */
    public static final long UNREAD = -1;

    /** A file whose size the plan reads when it checks the file. */
    public UploadFile(String fileName, Path path, String origin) {
        this(fileName, path, origin, UNREAD);
    }

    /**
     * The number of bytes, as read when the plan was made.
     *
     * @throws IllegalStateException for a file that no plan has checked
     */
    @Override
    public long size() {
        if (size == UNREAD) {
            throw new IllegalStateException("the size of " + fileName + " is read when the plan is made");
        }
        return size;
    }

    UploadFile withSize(long bytes) {
        return new UploadFile(fileName, path, origin, bytes);
    }
}
