package io.github.forgemaven.plugin;

import io.github.forgemaven.registry.PublishListener;
import io.github.forgemaven.registry.Sizes;
import io.github.forgemaven.registry.UploadFile;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.apache.maven.plugin.logging.Log;

/** Writes a publisher's progress to the Maven log: one info line per file. */
final class MavenPublishLog implements PublishListener {

    private final Log log;

    MavenPublishLog(Log log) {
        this.log = log;
    }

    @Override
    public void wouldUpload(UploadFile file, URI uri, long size) {
        log.info("Dry run: would upload " + file.fileName() + " (" + Sizes.format(size) + ", " + file.origin() + ") to "
                + uri);
    }

    @Override
    public void uploading(UploadFile file, URI uri, long size) {
        if (log.isDebugEnabled()) {
            log.debug("PUT " + uri + " <- " + file.path() + " (" + size + " bytes)");
        }
    }

    @Override
    public void uploaded(UploadFile file, URI uri, long size, Duration took) {
        double seconds = Math.max(took.toNanos(), 1) / 1e9;
        log.info(String.format(
                Locale.ROOT,
                "Uploaded %s (%s in %.2f s, %s/s) to %s",
                file.fileName(),
                Sizes.format(size),
                seconds,
                Sizes.format((long) (size / seconds)),
                uri));
    }
}
