package io.github.forgemaven.registry.http;

import java.net.URI;

/**
 * A request that the server answered with something other than success.
 *
 * @param method the HTTP method sent
 * @param uri the URL requested (never carries credentials)
 * @param status the status code
 * @param reasonPhrase the status line's reason, possibly empty
 * @param challenged whether the reply carried a {@code WWW-Authenticate} header
 * @param location the {@code Location} header of a redirect, or {@code null}
 * @param bodyExcerpt a short, single-line excerpt of the reply body, possibly empty
 * @param retryAfter the {@code Retry-After} header, or {@code null}
 */
public record HttpFailure(
        String method,
        URI uri,
        int status,
        String reasonPhrase,
        boolean challenged,
        String location,
        String bodyExcerpt,
        String retryAfter) {

    /** {@code HTTP 401 Unauthorized}. */
    public String statusLine() {
        return "HTTP " + status + (reasonPhrase == null || reasonPhrase.isEmpty() ? "" : " " + reasonPhrase);
    }

    /** {@code PUT https://... failed: HTTP 409 Conflict (server said: "...")}, the first line of a report. */
    public String summary() {
        String reply = bodyExcerpt.isEmpty() ? "" : " (server said: \"" + bodyExcerpt + "\")";
        return method + " " + uri + " failed: " + statusLine() + reply;
    }
}
