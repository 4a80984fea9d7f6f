package io.github.forgemaven.testing;

import java.util.List;
import java.util.Map;

/**
 * One request as it arrived: the raw request-target, headers (case-insensitive map), the body bytes the
 * server actually read before answering, and the status it answered with.
 */
public record RecordedRequest(
        String method, String rawTarget, Map<String, List<String>> headers, long bodyBytesReceived, int status) {

    /** The first value of a header, case-insensitive, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
