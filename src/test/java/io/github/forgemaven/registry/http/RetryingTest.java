package io.github.forgemaven.registry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryingTest {

    private final List<Duration> waits = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Retrying retrying =
            new Retrying(3, Duration.ofSeconds(1), Duration.ofSeconds(10), waits::add, warnings::add);

    @ParameterizedTest
    @ValueSource(ints = {429, 502, 503, 504})
    void retriesWhatARetryCanFixWithExponentialBackoff(int status) throws Exception {
        List<Integer> attempts = new ArrayList<>();
        String result = retrying.call("PUT x", failingTimes(2, status), attempts::add);
        assertEquals("done", result);
        assertEquals(List.of(1, 2, 3), attempts);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), waits);
        assertEquals("PUT x failed (HTTP " + status + "); retry 1 of 3 in 1 s.", warnings.get(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 405, 409, 413, 500})
    void neverRetriesARefusalThatWouldRepeat(int status) {
        RegistryResponseException e =
                assertThrows(RegistryResponseException.class, () -> retrying.call("PUT x", failingTimes(5, status)));
        assertEquals(status, e.failure().status());
        assertTrue(waits.isEmpty());
    }

    @Test
    void givesUpAfterTheConfiguredRetriesWithTheLastFailure() {
        RegistryResponseException e =
                assertThrows(RegistryResponseException.class, () -> retrying.call("PUT x", failingTimes(9, 503)));
        assertEquals(503, e.failure().status());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), waits);
    }

    @Test
    void honoursRetryAfterInSecondsAndAsADateWithinTheLimit() throws Exception {
        retrying.call(
                "PUT x", failingWith(new HttpFailure("PUT", URI.create("http://h/x"), 503, "", false, null, "", "7")));
        retrying.call(
                "PUT x",
                failingWith(new HttpFailure("PUT", URI.create("http://h/x"), 429, "", false, null, "", "3600")));
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(10)), waits);
        String inAMinute = ZonedDateTime.now().plusSeconds(60).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration parsed = Retrying.retryAfter(inAMinute).orElseThrow();
        assertTrue(parsed.toSeconds() > 50 && parsed.toSeconds() <= 60, parsed.toString());
        assertEquals(Optional.empty(), Retrying.retryAfter("soon"));
    }

    @Test
    void classifiesNetworkFailures() {
        assertTrue(Retrying.retryable(new ConnectException("refused")));
        assertTrue(Retrying.retryable(new SocketException("Connection reset")));
        assertTrue(Retrying.retryable(new NoHttpResponseException("no answer")));
        assertTrue(Retrying.retryable(new org.apache.hc.client5.http.ConnectTimeoutException("slow")));
        assertFalse(Retrying.retryable(new UnknownHostException("typo")));
        assertFalse(Retrying.retryable(new SSLHandshakeException("PKIX")));
        assertFalse(Retrying.retryable(new SocketTimeoutException("Read timed out")));
        assertFalse(Retrying.retryable(new IdleTimeoutException("stalled")));
    }

    @Test
    void retriesAResetConnectionAndSaysWhy() throws Exception {
        int[] calls = {0};
        String result = retrying.call("PUT x", () -> {
            if (calls[0]++ == 0) {
                throw new SocketException("Connection reset");
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(List.of("PUT x failed (SocketException: Connection reset); retry 1 of 3 in 1 s."), warnings);
    }

    @Test
    void zeroRetriesMeansOneAttempt() {
        Retrying once = new Retrying(0, Duration.ofSeconds(1), Duration.ofSeconds(1), waits::add, warnings::add);
        IOException e = assertThrows(
                IOException.class,
                () -> once.call("PUT x", () -> {
                    throw new ConnectException("refused");
                }));
        assertSame(ConnectException.class, e.getClass());
        assertTrue(waits.isEmpty());
    }

    private static Retrying.Exchange<String> failingTimes(int times, int status) {
        int[] calls = {0};
        return () -> {
            if (calls[0]++ < times) {
                throw new RegistryResponseException(
                        new HttpFailure("PUT", URI.create("http://h/x"), status, "", false, null, "", null));
            }
            return "done";
        };
    }

    private static Retrying.Exchange<String> failingWith(HttpFailure failure) {
        int[] calls = {0};
        return () -> {
            if (calls[0]++ == 0) {
                throw new RegistryResponseException(failure);
            }
            return "done";
        };
    }
}
