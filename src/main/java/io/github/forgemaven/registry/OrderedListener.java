package io.github.forgemaven.registry;

import io.github.forgemaven.registry.plan.UploadFile;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the log of parallel uploads in plan order: the events of each file are held until every
 * file before it is done, then passed on together. Progress is passed on only for the first file
 * not yet done, since progress that arrives late is no news.
 */
final class OrderedListener {

    private final PublishListener target;
    private final List<List<Runnable>> held = new ArrayList<>();
    private final List<Boolean> done = new ArrayList<>();
    private int next;

    OrderedListener(PublishListener target) {
        this.target = target;
    }

    /** A listener for the next file in plan order. */
    synchronized PublishListener nextFile() {
        int index = held.size();
        held.add(new ArrayList<>());
        done.add(false);
        return new PublishListener() {
            @Override
            public void wouldUpload(UploadFile file, URI uri, long size) {
                hold(index, () -> target.wouldUpload(file, uri, size));
            }

            @Override
            public void uploading(UploadFile file, URI uri, long size) {
                hold(index, () -> target.uploading(file, uri, size));
            }

            @Override
            public void progress(UploadFile file, long sent, long total, Duration elapsed) {
                if (isHead(index)) {
                    target.progress(file, sent, total, elapsed);
                }
            }

            @Override
            public void uploaded(UploadFile file, URI uri, long size, Duration took) {
                hold(index, () -> target.uploaded(file, uri, size, took));
            }

            @Override
            public void identical(UploadFile file, URI uri) {
                hold(index, () -> target.identical(file, uri));
            }

            @Override
            public void warn(String message) {
                hold(index, () -> target.warn(message));
            }

            @Override
            public void info(String message) {
                hold(index, () -> target.info(message));
            }

            @Override
            public void debug(String message) {
                hold(index, () -> target.debug(message));
            }
        };
    }

    /** The file at {@code index} is done: pass on its events, and those of the done files after it. */
    synchronized void done(int index) {
        done.set(index, true);
        flush();
    }

    /** Passes on whatever is held, in order, for the end of a run that stopped early. */
    synchronized void flushAll() {
        for (int i = next; i < held.size(); i++) {
            held.get(i).forEach(Runnable::run);
            held.get(i).clear();
        }
        next = held.size();
    }

    private synchronized void hold(int index, Runnable event) {
        if (index == next) {
            event.run();
        } else {
            held.get(index).add(event);
        }
    }

    private synchronized boolean isHead(int index) {
        return index == next;
    }

    private void flush() {
        while (next < held.size() && done.get(next)) {
            next++;
            if (next < held.size()) {
                held.get(next).forEach(Runnable::run);
                held.get(next).clear();
            }
        }
    }
}
