package io.github.forgemaven.testing;

import io.github.forgemaven.testing.server.Http11Server;
import io.github.forgemaven.testing.server.Response;
import io.github.forgemaven.testing.server.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One misbehaviour armed through {@link Faults}; it replaces or wraps the normal handling of one request. */
sealed interface Fault {

    /** What a fault can do besides answering. */
    interface Exchange {
        /** Handles the request as if no fault were armed, without recording it. */
        Response handleNormally() throws IOException;

        /** Records the request now, with the body bytes read so far, for a fault that sends no response. */
        void recordUnanswered();

        /** Blocks until the emulator closes (or a safety bound passes). */
        void holdUntilClosed();
    }

    Response apply(ServerRequest request, Exchange exchange) throws IOException;

    /** What a proxy says when it answers by itself: the status, its reason, nothing from the registry. */
    private static Response proxyAnswer(int status, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "text/plain; charset=utf-8");
        headers.putAll(extraHeaders);
        return Response.bytes(
                status, headers, (status + " " + Http11Server.reason(status)).getBytes(StandardCharsets.UTF_8));
    }

    /** An answer sent at once, before authentication, leaving the body unread and closing the connection. */
    record Answer(int status, Map<String, String> headers) implements Fault {
        public Answer {
            headers = Map.copyOf(headers);
        }

        @Override
        public Response apply(ServerRequest request, Exchange exchange) {
            return proxyAnswer(status, headers).closingConnection();
        }
    }

    /** Reads the whole body first, then answers like a buffering proxy whose upstream failed. */
    record AnswerAfterBody(int status) implements Fault {
        @Override
        public Response apply(ServerRequest request, Exchange exchange) throws IOException {
            skip(request.body(), Long.MAX_VALUE);
            return proxyAnswer(status, Map.of()).closingConnection();
        }
    }

    /** Reads part of the body, then resets the connection without a response. */
    record DropMidBody(long afterBytes) implements Fault {
        @Override
        public Response apply(ServerRequest request, Exchange exchange) throws IOException {
            skip(request.body(), afterBytes);
            exchange.recordUnanswered();
            throw new Http11Server.ConnectionAbort();
        }
    }

    /** Lets the registry store the upload, then hides its answer behind a proxy's, e.g. a 504 after a timeout. */
    record StoreThenAnswer(int status) implements Fault {
        @Override
        public Response apply(ServerRequest request, Exchange exchange) throws IOException {
            exchange.handleNormally();
            return proxyAnswer(status, Map.of());
        }
    }

    /** Never answers; the connection stays open until the emulator closes. */
    record Stall(boolean readBody) implements Fault {
        @Override
        public Response apply(ServerRequest request, Exchange exchange) throws IOException {
            if (readBody) {
                skip(request.body(), Long.MAX_VALUE);
            }
            exchange.recordUnanswered();
            exchange.holdUntilClosed();
            throw new Http11Server.ConnectionAbort();
        }
    }

    private static void skip(InputStream body, long limit) throws IOException {
        byte[] buffer = new byte[8192];
        long left = limit;
        while (left > 0) {
            int n = body.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                return;
            }
            left -= n;
        }
    }
}
