package io.github.forgemaven.testing.server;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one request did on its connection, as the server saw it: when its head arrived, when its answer began
 * to be written, and how many body bytes the client sent. The count includes what the server drained and
 * threw away after answering (to keep the connection, or while lingering before the close), so a client that
 * pushes a body the server refused is seen, unlike in the bytes a handler read.
 */
public final class Traffic {

    /** Longer than the server's lingering close, so that a finished count is always seen. */
    private static final long FINISH_WAIT_SECONDS = 5;

    private final long startedNanos;
    private final AtomicLong bodyBytes = new AtomicLong();
    private volatile long answeredNanos = -1;
    private final CountDownLatch finished = new CountDownLatch(1);

    Traffic(long startedNanos) {
        this.startedNanos = startedNanos;
    }

    /** {@link System#nanoTime()} when the request head had been read. */
    public long startedNanos() {
        return startedNanos;
    }

    /**
     * {@link System#nanoTime()} when the handler was done and the response began to be written, so no client
     * can have seen the answer earlier; -1 if none was (yet).
     */
    public long answeredNanos() {
        return answeredNanos;
    }

    /**
     * Body bytes the client sent for this request (chunk framing not counted for what the handler read, raw
     * for what was drained after the answer), once the server is done with the request: waits for that.
     */
    public long bodyBytesSent() {
        try {
            finished.await(FINISH_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return bodyBytes.get();
    }

    void counted(long bytes) {
        bodyBytes.addAndGet(bytes);
    }

    void answered() {
        answeredNanos = System.nanoTime();
    }

    void finish() {
        finished.countDown();
    }

    @Override
    public String toString() {
        return "sent " + bodyBytes.get() + " B";
    }
}
