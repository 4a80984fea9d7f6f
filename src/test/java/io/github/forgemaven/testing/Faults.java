package io.github.forgemaven.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Misbehaviour to inject into the next requests of a {@link RegistryEmulator}, as proxies and networks
 * produce it, so that retries, timeouts and rollback can be tested over real HTTP.
 *
 * <p>Each fault applies to the next {@code count} requests whose method matches ({@code "*"} for any), is
 * consumed as it fires, and faults fire in the order they were added. Every faulted request is still
 * recorded; one that gets no response is recorded with status 0. Thread-safe.
 */
public final class Faults {

    /** A stalled connection is held at most this long even if nobody closes the emulator. */
    private static final Duration STALL_BOUND = Duration.ofMinutes(5);

    /** The path (query excluded) of a release asset upload, {@code POST /api/v1/repos/{o}/{r}/releases/{id}/assets}. */
    private static final Pattern ASSET_UPLOAD = Pattern.compile("/api/v1/repos/[^/]+/[^/]+/releases/[^/]+/assets/?");

    private static final class Armed {
        final String method;
        final Pattern path;
        final Fault fault;
        int remaining;

        Armed(String method, Pattern path, Fault fault, int remaining) {
            this.method = method;
            this.path = path;
            this.fault = fault;
            this.remaining = remaining;
        }

        boolean matches(String requestMethod, String rawTarget) {
            if (!(method.equals("*") || method.equals(requestMethod))) {
                return false;
            }
            if (path == null) {
                return true;
            }
            int query = rawTarget.indexOf('?');
            return path.matcher(query < 0 ? rawTarget : rawTarget.substring(0, query))
                    .matches();
        }
    }

    private final List<Armed> armed = new ArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Duration latency = Duration.ZERO;

    Faults() {}

    /**
     * Answers the next {@code count} matching requests with {@code status} at once: before authentication,
     * without reading the body, with a text/plain body such as {@code 503 Service Unavailable} and
     * {@code Connection: close}.
     */
    public Faults failNext(String method, int count, int status) {
        return arm(method, count, new Fault.Answer(checkStatus(status, 400, 599), Map.of()));
    }

    /** Like {@link #failNext(String, int, int)} with a {@code Retry-After} header sent verbatim (seconds or HTTP-date). */
    public Faults failNext(String method, int count, int status, String retryAfter) {
        if (retryAfter == null) {
            throw new IllegalArgumentException("retryAfter must not be null");
        }
        return arm(method, count, new Fault.Answer(checkStatus(status, 400, 599), Map.of("Retry-After", retryAfter)));
    }

    /**
     * Answers the next {@code count} matching requests with {@code status} (e.g. 502 or 503) only after
     * reading the whole body (sending {@code 100 Continue} when asked for it), as a proxy that buffers
     * requests does (nginx's default {@code proxy_request_buffering on}) when the registry behind it fails:
     * the client has sent every byte, nothing is stored, and the connection is closed.
     */
    public Faults failAfterBody(String method, int count, int status) {
        return arm(method, count, new Fault.AnswerAfterBody(checkStatus(status, 400, 599)));
    }

    /**
     * Makes the next {@code count} PUTs read {@code afterBytes} body bytes (sending {@code 100 Continue} as
     * usual when asked for it), then reset the connection without a response. Nothing is stored.
     */
    public Faults dropConnectionMidBody(int count, long afterBytes) {
        if (afterBytes < 0) {
            throw new IllegalArgumentException("afterBytes must not be negative: " + afterBytes);
        }
        return arm("PUT", count, new Fault.DropMidBody(afterBytes));
    }

    /**
     * Handles the next {@code count} PUTs normally, so the file is stored, but answers {@code status} (e.g.
     * 504) instead, like a proxy that gave up waiting after the registry had stored the file.
     */
    public Faults storeThenAnswer(int count, int status) {
        return arm("PUT", count, new Fault.StoreThenAnswer(checkStatus(status, 200, 599)));
    }

    /**
     * Never answers the next {@code count} matching requests: reads the whole body first if {@code readBody},
     * otherwise nothing (the client's body then fills the socket buffers), and holds the connection open
     * until the emulator closes.
     */
    public Faults stallNext(String method, int count, boolean readBody) {
        return arm(method, count, new Fault.Stall(readBody));
    }

    /** Answers the next {@code count} matching requests with a redirect to {@code location}, body unread. */
    public Faults redirectNext(String method, int count, int status, String location) {
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            throw new IllegalArgumentException("not a redirect status: " + status);
        }
        if (location == null) {
            throw new IllegalArgumentException("location must not be null");
        }
        return arm(method, count, new Fault.Answer(status, Map.of("Location", location)));
    }

    /**
     * Answers the next {@code count} release asset uploads ({@code POST .../releases/{id}/assets}) with
     * {@code status} at once, body unread, as {@link #failNext(String, int, int)} does; other requests pass.
     */
    public Faults failAssetUploads(int count, int status) {
        return arm("POST", ASSET_UPLOAD, count, new Fault.Answer(checkStatus(status, 400, 599), Map.of()));
    }

    /** Like {@link #dropConnectionMidBody} for the next {@code count} release asset uploads: nothing is stored. */
    public Faults dropAssetUploadMidBody(int count, long afterBytes) {
        if (afterBytes < 0) {
            throw new IllegalArgumentException("afterBytes must not be negative: " + afterBytes);
        }
        return arm("POST", ASSET_UPLOAD, count, new Fault.DropMidBody(afterBytes));
    }

    /**
     * Like {@link #storeThenAnswer} for the next {@code count} release asset uploads: the server stores the
     * asset, the client gets {@code status} (e.g. 504), so a blind retry would store a second copy.
     */
    public Faults storeAssetUploadThenAnswer(int count, int status) {
        return arm("POST", ASSET_UPLOAD, count, new Fault.StoreThenAnswer(checkStatus(status, 200, 599)));
    }

    /** Like {@link #failNext(String, int, int)} for requests whose path (query excluded) matches a regex. */
    public Faults failNext(String method, String pathRegex, int count, int status) {
        return arm(
                method, Pattern.compile(pathRegex), count, new Fault.Answer(checkStatus(status, 400, 599), Map.of()));
    }

    /** Delays every response by this much until set back to zero; concurrent requests are delayed in parallel. */
    public Faults latency(Duration perRequest) {
        if (perRequest == null || perRequest.isNegative()) {
            throw new IllegalArgumentException("latency must be zero or positive: " + perRequest);
        }
        latency = perRequest;
        return this;
    }

    /** {@link #latency(Duration)} in milliseconds, for scripts. */
    public Faults latency(long millisPerRequest) {
        return latency(Duration.ofMillis(millisPerRequest));
    }

    /** How many faulted requests are still to come, e.g. for a check that every armed fault fired. */
    public int pending() {
        synchronized (armed) {
            return armed.stream().mapToInt(a -> a.remaining).sum();
        }
    }

    /** Disarms every fault and sets the latency back to zero; connections already stalled stay stalled. */
    public void clear() {
        synchronized (armed) {
            armed.clear();
        }
        latency = Duration.ZERO;
    }

    /** Consumes and returns the first armed fault that matches the method and request-target, or null. */
    Fault take(String method, String rawTarget) {
        synchronized (armed) {
            for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
                Armed next = it.next();
                if (next.matches(method, rawTarget)) {
                    if (--next.remaining == 0) {
                        it.remove();
                    }
                    return next.fault;
                }
            }
            return null;
        }
    }

    /** Waits out the latency; returns early when the emulator closes. */
    void delay() {
        Duration wait = latency;
        if (!wait.isZero()) {
            await(wait);
        }
    }

    void holdUntilClosed() {
        await(STALL_BOUND);
    }

    /** Releases stalled connections and pending delays. */
    void close() {
        closed.countDown();
    }

    private void await(Duration wait) {
        try {
            closed.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Faults arm(String method, int count, Fault fault) {
        return arm(method, null, count, fault);
    }

    private Faults arm(String method, Pattern path, int count, Fault fault) {
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("method must be an HTTP method or \"*\"");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        synchronized (armed) {
            armed.add(new Armed(method.trim().toUpperCase(Locale.ROOT), path, fault, count));
        }
        return this;
    }

    private static int checkStatus(int status, int min, int max) {
        if (status < min || status > max) {
            throw new IllegalArgumentException("status must be between " + min + " and " + max + ": " + status);
        }
        return status;
    }
}
