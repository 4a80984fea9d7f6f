package io.github.forgemaven.registry;

import io.github.forgemaven.registry.http.DaemonThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the uploads of one version: the first alone, because servers can race when two uploads
 * create the same version at once, the rest {@code parallel} at a time with their log lines kept
 * in plan order. When one fails, the others in flight finish before the failure is passed on.
 */
final class UploadScheduler {

    /** One upload, logging to the listener it is given. */
    @FunctionalInterface
    interface Upload {
        void run(FileStep step, PublishListener log) throws RunStopped;
    }

    private final int parallel;
    private final PublishListener listener;

    UploadScheduler(int parallel, PublishListener listener) {
        this.parallel = parallel;
        this.listener = listener;
    }

    void run(List<FileStep> steps, Upload upload) throws RunStopped {
        if (steps.isEmpty()) {
            return;
        }
        runOne(upload, steps.get(0), listener);
        List<FileStep> rest = steps.subList(1, steps.size());
        int threads = Math.min(parallel, rest.size());
        if (threads <= 1) {
            for (FileStep step : rest) {
                runOne(upload, step, listener);
            }
            return;
        }
        OrderedListener ordered = new OrderedListener(listener);
        ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("forge-upload"));
        try {
            List<Future<?>> uploads = new ArrayList<>();
            for (int i = 0; i < rest.size(); i++) {
                FileStep step = rest.get(i);
                PublishListener stepListener = ordered.nextFile();
                int index = i;
                // ordered.done replays the file's buffered log lines, so a listener's exception can come from there
                // too.
                uploads.add(pool.submit(() -> {
                    runOne(
                            (s, log) -> {
                                try {
                                    upload.run(s, log);
                                } finally {
                                    ordered.done(index);
                                }
                            },
                            step,
                            stepListener);
                    return null;
                }));
            }
            RunStopped first = null;
            for (Future<?> each : uploads) {
                RunStopped failed = outcomeOf(each);
                if (first == null) {
                    first = failed;
                }
            }
            ordered.flushAll();
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs one upload, turning an unexpected exception (a bug, here or in a listener) into a stop of
     * the run, so that the uploads in flight still end and the run is still rolled back.
     */
    private static void runOne(Upload upload, FileStep step, PublishListener log) throws RunStopped {
        try {
            upload.run(step, log);
        } catch (RuntimeException e) {
            throw new RunStopped(
                    "Upload of '" + step.file.fileName() + "' (" + step.file.origin() + ") to "
                            + step.publication.plan().target().describe() + " failed unexpectedly: " + e
                            + System.lineSeparator()
                            + "  This is a bug in forge-maven-plugin: please report it with the build's output of -e.",
                    e,
                    false,
                    step);
        }
    }

    private static RunStopped outcomeOf(Future<?> upload) {
        try {
            upload.get();
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RunStopped failed) {
                return failed;
            }
            throw new IllegalStateException("an upload failed unexpectedly", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while uploading", e);
        }
    }
}
