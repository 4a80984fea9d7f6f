package io.github.forgemaven.testing;

import io.github.forgemaven.testing.server.Traffic;
import java.util.List;
import java.util.Map;

/**
 * One request as it arrived: the raw request-target, headers (case-insensitive map), the body bytes the
 * server's handler read before answering, the status it answered with, and its {@link Traffic} on the
 * connection (when it arrived and was answered, and the body bytes the client sent, drained ones included).
 */
public record RecordedRequest(
        String method,
        String rawTarget,
        Map<String, List<String>> headers,
        long bodyBytesReceived,
        int status,
        Traffic traffic) {

    /** The first value of a header, case-insensitive, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * The body bytes the client sent, whether or not the server read them: 0 when a refused upload held its
     * body back ({@code Expect: 100-continue}). Waits until the server is done with the request.
     */
    public long bodyBytesSent() {
        return traffic.bodyBytesSent();
    }

    /** Whether this request's head arrived only after {@code other} had been answered. */
    public boolean startedAfterAnswerTo(RecordedRequest other) {
        long answered = other.traffic.answeredNanos();
        return answered >= 0 && traffic.startedNanos() > answered;
    }
}
