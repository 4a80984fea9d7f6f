package io.github.forgemaven.registry;

import java.util.List;

/**
 * An upload failed. The message says which file, what the server or the network answered, what
 * to do about it, and which files of the run were uploaded before and which were not.
 */
public final class PublishException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean fixableByUser;
    private final transient List<UploadFile> uploaded;
    private final transient List<UploadFile> notUploaded;

    PublishException(
            String message,
            Throwable cause,
            boolean fixableByUser,
            List<UploadFile> uploaded,
            List<UploadFile> notUploaded) {
        super(message, cause);
        this.fixableByUser = fixableByUser;
        this.uploaded = List.copyOf(uploaded);
        this.notUploaded = List.copyOf(notUploaded);
    }

    /** Whether the user can fix the cause (configuration, credentials, names) rather than wait for the server. */
    public boolean fixableByUser() {
        return fixableByUser;
    }

    /** The files this run uploaded before the failure. */
    public List<UploadFile> uploaded() {
        return uploaded;
    }

    /** The files this run did not upload, the failed one first. */
    public List<UploadFile> notUploaded() {
        return notUploaded;
    }
}
