package io.github.forgemaven.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The loopback yardstick: an HTTP/1.1 server on 127.0.0.1 that answers {@code 100 Continue} when asked, reads
 * the body (Content-Length only) into a buffer it never looks at, and answers {@code 201}. No hashing, no
 * storage, no routing: what curl reaches against it is the machine's limit for one upload over loopback.
 */
final class SinkServer implements AutoCloseable {

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] CREATED =
            "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] LENGTH_REQUIRED =
            "HTTP/1.1 411 Length Required\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1);

    private final ServerSocket serverSocket;
    private final ExecutorService pool = Executors.newCachedThreadPool(BenchRegistry.daemonThreads("sink"));
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private SinkServer(ServerSocket serverSocket) {
        this.serverSocket = serverSocket;
    }

    static SinkServer start() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        SinkServer sink = new SinkServer(socket);
        sink.pool.execute(sink::acceptLoop);
        return sink;
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = serverSocket.accept();
                connections.add(socket);
                pool.execute(() -> serve(socket));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            OutputStream out = socket.getOutputStream();
            byte[] sink = new byte[1 << 20];
            HttpHead head;
            while ((head = HttpHead.read(in)) != null) {
                long remaining = head.contentLength();
                if (remaining < 0) {
                    out.write(LENGTH_REQUIRED);
                    return;
                }
                if ("100-continue".equalsIgnoreCase(head.header("Expect"))) {
                    out.write(CONTINUE);
                    out.flush();
                }
                while (remaining > 0) {
                    int n = in.read(sink, 0, (int) Math.min(sink.length, remaining));
                    if (n < 0) {
                        return;
                    }
                    remaining -= n;
                }
                out.write(CREATED);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            connections.remove(socket);
        }
    }

    @Override
    public void close() {
        closed = true;
        BenchRegistry.closeQuietly(serverSocket);
        connections.forEach(BenchRegistry::closeQuietly);
        pool.shutdownNow();
    }
}
