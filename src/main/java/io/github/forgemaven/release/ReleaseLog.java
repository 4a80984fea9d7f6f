package io.github.forgemaven.release;

import io.github.forgemaven.registry.plan.UploadFile;
import java.time.Duration;

/** Where a release run reports what it does; the plugin sends it to Maven's log. */
public interface ReleaseLog {
    /** One line of progress. */
    void info(String line);

    /** Something the user should look at, which does not stop the run. */
    void warn(String line);

    /** {@code sent} of {@code total} bytes of {@code asset} are on their way, {@code elapsed} after its start. */
    default void progress(UploadFile asset, long sent, long total, Duration elapsed) {}

    /** The upload of {@code asset} is over, stored or not: no more progress for it. */
    default void uploadEnded(UploadFile asset) {}
}
