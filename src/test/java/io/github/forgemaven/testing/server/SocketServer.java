package io.github.forgemaven.testing.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The plumbing every test server shares: a socket bound to 127.0.0.1 on an ephemeral port, an accept loop,
 * one daemon thread per connection, and a {@link #close()} that closes the listening socket and every open
 * connection and waits for the threads, so that none outlives its test. What a connection is served with
 * (HTTP/1.1 for the emulator, forwarding for the proxy) is the owner's {@link Connection}.
 */
public final class SocketServer implements AutoCloseable {

    /** Serves one accepted connection until it ends; the socket is closed afterwards either way. */
    @FunctionalInterface
    public interface Connection {
        void serve(Socket socket) throws IOException;
    }

    /** How long close() waits for connection threads. */
    private static final long CLOSE_WAIT_SECONDS = 5;

    private static final int BACKLOG = 128;

    private final ServerSocket serverSocket;
    private final Connection connection;
    private final ExecutorService pool;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private SocketServer(String name, ServerSocket serverSocket, Connection connection) {
        this.serverSocket = serverSocket;
        this.connection = connection;
        AtomicInteger threads = new AtomicInteger();
        String prefix = name + "-" + serverSocket.getLocalPort() + "-";
        this.pool = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, prefix + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Binds {@code unbound} (a plain or a TLS server socket) to 127.0.0.1 on an ephemeral port and starts
     * accepting; threads are named after {@code name} and the port.
     */
    public static SocketServer start(String name, ServerSocket unbound, Connection connection) throws IOException {
        unbound.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
        SocketServer server = new SocketServer(name, unbound, connection);
        server.pool.execute(server::acceptLoop);
        return server;
    }

    /** Like {@link #start(String, ServerSocket, Connection)} on a plain socket. */
    public static SocketServer start(String name, Connection connection) throws IOException {
        return start(name, new ServerSocket(), connection);
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Whether {@link #close()} has begun: connection loops stop taking requests. */
    public boolean closed() {
        return closed;
    }

    /** Runs a task on the server's threads (e.g. one direction of a tunnel); close() ends it. */
    public <T> Future<T> submit(Callable<T> task) {
        return pool.submit(task);
    }

    /** Makes close() also close this socket, e.g. a connection the server opened to somewhere else. */
    public Socket track(Socket socket) {
        sockets.add(socket);
        return socket;
    }

    /** Forgets a socket that has been closed. */
    public void untrack(Socket socket) {
        sockets.remove(socket);
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(serverSocket);
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = track(serverSocket.accept());
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
            connection.serve(socket);
        } catch (IOException e) {
            // the peer went away; nothing to answer
        } finally {
            untrack(socket);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
