package io.github.forgemaven.testing.server;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 server on 127.0.0.1 that reads every request body, throws it away without hashing or storing
 * it, and answers {@code 201}: the loopback limit that the benchmark compares uploads with. It speaks HTTP
 * like the emulator ({@code 100 Continue} when the body is first read, keep-alive), since it is the
 * emulator's server with nothing behind it.
 */
public final class DiscardingServer implements AutoCloseable {

    private final AtomicLong bytesRead = new AtomicLong();
    private final Http11Server server;

    private DiscardingServer() throws IOException {
        this.server = Http11Server.start(this::discard);
    }

    /** Binds an ephemeral port on 127.0.0.1 and starts accepting. */
    public static DiscardingServer start() throws IOException {
        return new DiscardingServer();
    }

    /** Body bytes read so far, all requests together. */
    public long bytesRead() {
        return bytesRead.get();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:40123}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.close();
    }

    private Response discard(ServerRequest request) throws IOException {
        byte[] buffer = new byte[1 << 20];
        int n;
        while ((n = request.body().read(buffer, 0, buffer.length)) >= 0) {
            bytesRead.addAndGet(n);
        }
        return Response.empty(201);
    }
}
