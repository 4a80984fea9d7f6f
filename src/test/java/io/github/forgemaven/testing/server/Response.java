package io.github.forgemaven.testing.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response to be written by {@link Http11Server}; the body is written lazily so large blobs stream. A
 * negative {@code contentLength} means unknown: the body goes out chunked.
 * {@code closeConnection} ends the connection after this response without draining an unread body, as a
 * proxy that answers early does.
 */
public record Response(
        int status, Map<String, String> headers, long contentLength, BodyWriter body, boolean closeConnection) {

    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Go's bufferBeforeChunkingSize: a handler's unsized reply up to this many bytes gets a Content-Length. */
    public static final int GO_CHUNKING_BUFFER = 2048;

    public Response {
        headers = Map.copyOf(new LinkedHashMap<>(headers));
    }

    public Response(int status, Map<String, String> headers, long contentLength, BodyWriter body) {
        this(status, headers, contentLength, body, false);
    }

    public static Response empty(int status) {
        return bytes(status, Map.of(), new byte[0]);
    }

    /** A text/plain body, as Go's http.Error and Gitea's PlainText send it. */
    public static Response text(int status, String text) {
        return bytes(
                status,
                Map.of("Content-Type", "text/plain; charset=utf-8", "X-Content-Type-Options", "nosniff"),
                text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A JSON body as Gitea's ctx.JSON writes it: through Go's json.Encoder, so with a final newline, and with
     * no length set, so that Go's server sends a Content-Length only when the body fits its 2 KiB buffer and
     * chunks a larger one.
     */
    public static Response json(int status, String json) {
        byte[] body = (json + "\n").getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Map.of("Content-Type", "application/json;charset=utf-8");
        if (body.length <= GO_CHUNKING_BUFFER) {
            return bytes(status, headers, body);
        }
        return new Response(status, headers, -1, out -> out.write(body));
    }

    public static Response bytes(int status, Map<String, String> headers, byte[] body) {
        return new Response(status, headers, body.length, out -> out.write(body));
    }

    public Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, copy, contentLength, body, closeConnection);
    }

    public Response closingConnection() {
        return new Response(status, headers, contentLength, body, true);
    }
}
