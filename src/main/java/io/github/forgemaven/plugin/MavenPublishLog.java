package io.github.forgemaven.plugin;

import io.github.forgemaven.registry.Outcome;
import io.github.forgemaven.registry.Publication;
import io.github.forgemaven.registry.PublishListener;
import io.github.forgemaven.registry.PublishedFile;
import io.github.forgemaven.registry.Sizes;
import io.github.forgemaven.registry.plan.UploadFile;
import io.github.forgemaven.release.ReleaseLog;
import java.io.Console;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.maven.plugin.logging.Log;

/**
 * Writes a publisher's progress to the Maven log: one info line per file, and a summary. The release goal's
 * run reports through it too, so that assets show the same progress as package files.
 */
final class MavenPublishLog implements PublishListener, ReleaseLog {

    /** Progress shows only for uploads that take longer than this. */
    private static final Duration PROGRESS_AFTER = Duration.ofSeconds(3);

    private final Log log;
    private final ProgressStyle progressStyle;
    private final Map<UploadFile, Integer> lastTenth = new ConcurrentHashMap<>();
    private final ConsoleProgressLine consoleLine;
    /** Files whose final line was logged: a progress tick still on its way for one of them is dropped. */
    private final Set<UploadFile> finished = ConcurrentHashMap.newKeySet();

    MavenPublishLog(Log log, ProgressStyle progressStyle) {
        this(log, progressStyle, progressStyle == ProgressStyle.CONSOLE ? terminalWriter() : null);
    }

    MavenPublishLog(Log log, ProgressStyle progressStyle, PrintWriter terminal) {
        this.log = log;
        this.progressStyle = progressStyle;
        this.consoleLine = new ConsoleProgressLine(terminal);
    }

    private static PrintWriter terminalWriter() {
        Console console = System.console();
        return console == null ? null : console.writer();
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
    public void progress(UploadFile file, long sent, long total, Duration elapsed) {
        if (progressStyle == ProgressStyle.QUIET || elapsed.compareTo(PROGRESS_AFTER) < 0 || total <= 0) {
            return;
        }
        int tenth = (int) (sent * 10 / total);
        String line = String.format(
                Locale.ROOT,
                "Uploading %s: %s of %s (%d %%), %s/s",
                file.fileName(),
                Sizes.format(sent),
                Sizes.format(total),
                sent * 100 / total,
                Sizes.format((long) (sent / Math.max(elapsed.toNanos() / 1e9, 1e-3))));
        if (progressStyle == ProgressStyle.CONSOLE) {
            synchronized (consoleLine) {
                if (!finished.contains(file)) {
                    consoleLine.show(line);
                }
            }
        } else if (!Integer.valueOf(tenth).equals(lastTenth.put(file, tenth)) && tenth < 10) {
            log.info(line);
        }
    }

    @Override
    public void uploaded(UploadFile file, URI uri, long size, Duration took) {
        uploadEnded(file);
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

    @Override
    public void uploadEnded(UploadFile file) {
        synchronized (consoleLine) {
            finished.add(file);
            consoleLine.clear();
        }
        lastTenth.remove(file);
    }

    @Override
    public void identical(UploadFile file, URI uri) {
        consoleLine.clear();
        log.info("Already published, identical: " + file.fileName() + " at " + uri);
    }

    @Override
    public void warn(String message) {
        consoleLine.clear();
        log.warn(message);
    }

    @Override
    public void info(String message) {
        consoleLine.clear();
        log.info(message);
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }

    /** Blanks the terminal's progress line, e.g. before Maven reports a failure. */
    void endProgress() {
        consoleLine.clear();
    }

    /** One line per version: how many files were uploaded, were already there, or were kept, and the bytes sent. */
    void summary(List<Publication> publications, List<PublishedFile> files) {
        for (Publication publication : publications) {
            Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
            long bytes = 0;
            for (PublishedFile file : files) {
                if (publication.plan().files().contains(file.file())) {
                    counts.merge(file.outcome(), 1L, Long::sum);
                    if (file.outcome() == Outcome.UPLOADED || file.outcome() == Outcome.REPLACED) {
                        bytes += file.file().size();
                    }
                }
            }
            String outcomes = counts.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey().userValue())
                    .collect(Collectors.joining(", "));
            // Only the bytes this run sent: a size next to "3 identical" read as an upload that never happened.
            String sent = bytes == 0 ? ", nothing sent" : " (" + Sizes.format(bytes) + " sent)";
            log.info("Published " + publication.plan().target().describe() + " on "
                    + publication.plan().target().registry() + ": " + outcomes + sent + ".");
        }
    }
}
