package io.github.forgemaven.registry;

import io.github.forgemaven.registry.plan.UploadFile;
import java.net.URI;
import java.time.Duration;

/** Hears what a {@link Publisher} does, file by file; the Maven layer turns it into log lines. */
public interface PublishListener {

    /** A dry run would upload {@code file} to {@code uri}. */
    void wouldUpload(UploadFile file, URI uri, long size);

    /** The upload of {@code file} to {@code uri} starts. */
    void uploading(UploadFile file, URI uri, long size);

    /** {@code sent} of {@code total} bytes of {@code file} are on their way, {@code elapsed} after its start. */
    default void progress(UploadFile file, long sent, long total, Duration elapsed) {}

    /** The server stored {@code file}. */
    void uploaded(UploadFile file, URI uri, long size, Duration took);

    /** The server already holds {@code file} with the same content. */
    default void identical(UploadFile file, URI uri) {}

    /** Something the user should know about but that does not stop the run. */
    default void warn(String message) {}

    /** Detail for {@code -X}. */
    default void debug(String message) {}

    /** Something the run did besides uploading (verification, replacement, rollback). */
    default void info(String message) {}
}
