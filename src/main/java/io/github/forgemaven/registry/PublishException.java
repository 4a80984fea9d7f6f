package io.github.forgemaven.registry;

import java.util.List;

/**
 * A run failed. The message says which file, what the server or the network answered, what to
 * do about it, which files were uploaded and which not, and what was rolled back.
 */
public final class PublishException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean fixableByUser;
    private final transient List<PublishedFile> files;

    PublishException(String message, Throwable cause, boolean fixableByUser, List<PublishedFile> files) {
        super(message, cause);
        this.fixableByUser = fixableByUser;
        this.files = List.copyOf(files);
    }

    /** Whether the user can fix the cause (configuration, credentials, names) rather than wait for the server. */
    public boolean fixableByUser() {
        return fixableByUser;
    }

    /** Every file of the run and what became of it. */
    public List<PublishedFile> files() {
        return files;
    }
}
