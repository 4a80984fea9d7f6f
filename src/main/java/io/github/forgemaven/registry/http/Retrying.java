package io.github.forgemaven.registry.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * Runs an exchange again when a retry can help: a refused, reset or unanswered connection, or a
 * 429, 502, 503 or 504 reply; never a refusal that would only repeat (400, 401, 403, 404, 409).
 * Waits with exponential back-off, or as long as the server's {@code Retry-After} asks, within limits.
 */
public final class Retrying {

    /** An HTTP exchange that may be run more than once. */
    @FunctionalInterface
    public interface Exchange<T> {
        /** Runs the exchange once. */
        T run() throws RegistryResponseException, IOException;
    }

    /** Waits between attempts; a seam so that tests do not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        /** Waits for the given time. */
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 502, 503, 504);

    private final int retries;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Sleeper sleeper;
    private final Consumer<String> warnings;

    /**
     * @param retries how many times an exchange may be repeated after its first attempt
     * @param initialDelay the wait before the first retry; it doubles for each further one
     * @param maxDelay the longest wait, also for a server's {@code Retry-After}
     * @param sleeper how to wait
     * @param warnings receives one line per retry: the cause and the delay
     */
    public Retrying(int retries, Duration initialDelay, Duration maxDelay, Sleeper sleeper, Consumer<String> warnings) {
        this.retries = Math.max(0, retries);
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.sleeper = sleeper;
        this.warnings = warnings;
    }

    /** Retries with real waiting: 1 s, 2 s, 4 s..., at most 60 s. */
    public static Retrying withBackoff(int retries, Consumer<String> warnings) {
        return new Retrying(
                retries, Duration.ofSeconds(1), Duration.ofSeconds(60), d -> Thread.sleep(d.toMillis()), warnings);
    }

    /**
     * Runs the exchange until it succeeds, fails in a way a retry cannot fix, or runs out of retries.
     *
     * @param what the request in words, e.g. {@code PUT https://...}, for the warning lines
     * @param attempts told the number of each attempt (1 for the first), so a caller can tell later
     *     whether an earlier attempt may have reached the server
     */
    public <T> T call(String what, Exchange<T> exchange, Consumer<Integer> attempts)
            throws RegistryResponseException, IOException {
        for (int attempt = 1; ; attempt++) {
            attempts.accept(attempt);
            try {
                return exchange.run();
            } catch (RegistryResponseException e) {
                HttpFailure failure = e.failure();
                if (attempt > retries || !RETRYABLE_STATUSES.contains(failure.status())) {
                    throw e;
                }
                Duration delay = retryAfter(failure.retryAfter()).orElse(backoff(attempt));
                pause(what, attempt, failure.statusLine(), delay);
            } catch (IOException e) {
                if (attempt > retries || !retryable(e)) {
                    throw e;
                }
                pause(what, attempt, describe(e), backoff(attempt));
            }
        }
    }

    /**
     * The number of the latest attempt of one call, so that a caller can tell afterwards (also from a
     * failure) whether an earlier attempt may have reached the server.
     */
    public static final class Attempts implements Consumer<Integer> {

        private volatile int latest;

        @Override
        public void accept(Integer attempt) {
            latest = attempt;
        }

        /** Whether the call was attempted more than once. */
        public boolean retried() {
            return latest > 1;
        }
    }

    /** Finds out whether a failed attempt, which may have reached the server, did its work after all. */
    @FunctionalInterface
    public interface Recheck<T> {
        /** The result the attempt left on the server, or empty when it left none. */
        Optional<T> landed() throws RegistryResponseException, IOException;
    }

    /**
     * Like {@link #call(String, Exchange)}, for a request that is not idempotent (a POST that adds a
     * row): after a failure that may have reached the server (a 5xx, a timeout, a dropped connection)
     * it asks {@code recheck} first, and returns what it finds instead of sending the request again.
     */
    public <T> T callOnce(String what, Exchange<T> exchange, Recheck<T> recheck)
            throws RegistryResponseException, IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return exchange.run();
            } catch (RegistryResponseException e) {
                HttpFailure failure = e.failure();
                if (failure.status() < 500) {
                    if (attempt > retries || !RETRYABLE_STATUSES.contains(failure.status())) {
                        throw e;
                    }
                } else {
                    Optional<T> landed = recheck.landed();
                    if (landed.isPresent()) {
                        return landed.get();
                    }
                    if (attempt > retries || !RETRYABLE_STATUSES.contains(failure.status())) {
                        throw e;
                    }
                }
                pause(
                        what,
                        attempt,
                        failure.statusLine(),
                        retryAfter(failure.retryAfter()).orElse(backoff(attempt)));
            } catch (IOException e) {
                if (!(e instanceof ConnectException)) {
                    Optional<T> landed = recheck.landed();
                    if (landed.isPresent()) {
                        return landed.get();
                    }
                }
                if (attempt > retries || !retryable(e)) {
                    throw e;
                }
                pause(what, attempt, describe(e), backoff(attempt));
            }
        }
    }

    /** Like {@link #call(String, Exchange, Consumer)}, for callers that do not count attempts. */
    public <T> T call(String what, Exchange<T> exchange) throws RegistryResponseException, IOException {
        return call(what, exchange, attempt -> {});
    }

    static boolean retryable(IOException e) {
        if (e instanceof ConnectTimeoutException) {
            return true;
        }
        if (e instanceof InterruptedIOException || e instanceof SSLException) {
            // A response or idle timeout would only wait as long again; a TLS failure would repeat.
            return false;
        }
        return e instanceof ConnectException || e instanceof NoHttpResponseException || e instanceof SocketException;
    }

    private void pause(String what, int attempt, String cause, Duration delay) throws InterruptedIOException {
        Duration wait = delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        warnings.accept(what + " failed (" + cause + "); retry " + attempt + " of " + retries + " in "
                + formatSeconds(wait) + ".");
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry " + what);
        }
    }

    private Duration backoff(int attempt) {
        Duration delay = initialDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** {@code Retry-After} as seconds or as an HTTP date; empty when absent or unreadable. */
    static Optional<Duration> retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String formatSeconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
