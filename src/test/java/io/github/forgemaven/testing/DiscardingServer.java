package io.github.forgemaven.testing;

import java.io.IOException;

/**
 * An HTTP/1.1 server on 127.0.0.1 that reads every request body, throws it away without hashing or storing
 * it, and answers {@code 201}: the loopback limit that the benchmark compares uploads with. It speaks HTTP
 * like the emulator ({@code 100 Continue} when the body is first read, keep-alive), since it is the
 * emulator's server with nothing behind it.
 */
public final class DiscardingServer implements AutoCloseable {

    private final Http11Server server;

    private DiscardingServer(Http11Server server) {
        this.server = server;
    }

    /** Binds an ephemeral port on 127.0.0.1 and starts accepting. */
    public static DiscardingServer start() throws IOException {
        return new DiscardingServer(Http11Server.start(DiscardingServer::discard));
    }

    /** The base URL, e.g. {@code http://127.0.0.1:40123}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.close();
    }

    private static Response discard(ServerRequest request) throws IOException {
        byte[] buffer = new byte[1 << 20];
        while (request.body().read(buffer, 0, buffer.length) >= 0) {
            // read, and nothing else
        }
        return Response.empty(201);
    }
}
