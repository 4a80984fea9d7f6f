package io.github.forgemaven.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of the emulator that holds back every final response (status 200 and up) for
 * a fixed time before passing it on; interim {@code 100 Continue} replies and request bytes pass at once. One
 * upstream connection per client connection, so keep-alive and concurrency behave as they would without it.
 *
 * <p>Stands in for {@code RegistryEmulator.faults().latency(Duration)}, which is being added on another branch
 * and delays the same thing (the final response, after the request was handled).
 */
final class LatencyProxy implements AutoCloseable {

    private final ServerSocket serverSocket;
    private final int upstreamPort;
    private final long latencyMillis;
    private final ExecutorService pool = Executors.newCachedThreadPool(BenchRegistry.daemonThreads("latency"));
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private LatencyProxy(ServerSocket serverSocket, int upstreamPort, Duration latency) {
        this.serverSocket = serverSocket;
        this.upstreamPort = upstreamPort;
        this.latencyMillis = latency.toMillis();
    }

    static LatencyProxy start(int upstreamPort, Duration latency) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        LatencyProxy proxy = new LatencyProxy(socket, upstreamPort, latency);
        proxy.pool.execute(proxy::acceptLoop);
        return proxy;
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = serverSocket.accept();
                Socket upstream;
                try {
                    upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                } catch (IOException e) {
                    BenchRegistry.closeQuietly(client);
                    continue;
                }
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                AtomicInteger open = new AtomicInteger(2);
                Runnable done = () -> {
                    if (open.decrementAndGet() == 0) {
                        BenchRegistry.closeQuietly(client);
                        BenchRegistry.closeQuietly(upstream);
                        sockets.remove(client);
                        sockets.remove(upstream);
                    }
                };
                pool.execute(() -> pumpRequests(client, upstream, done));
                pool.execute(() -> pumpResponses(upstream, client, done));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private static void pumpRequests(Socket client, Socket upstream, Runnable done) {
        try {
            InputStream in = client.getInputStream();
            OutputStream out = upstream.getOutputStream();
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
            upstream.shutdownOutput();
        } catch (IOException e) {
            BenchRegistry.closeQuietly(client);
            BenchRegistry.closeQuietly(upstream);
        } finally {
            done.run();
        }
    }

    private void pumpResponses(Socket upstream, Socket client, Runnable done) {
        try {
            InputStream in = new BufferedInputStream(upstream.getInputStream(), 64 * 1024);
            OutputStream out = client.getOutputStream();
            byte[] buffer = new byte[64 * 1024];
            HttpHead head;
            while ((head = HttpHead.read(in)) != null) {
                int status = head.status();
                if (status >= 200) {
                    Thread.sleep(latencyMillis);
                }
                out.write(head.raw());
                boolean bodyless = status < 200 || status == 204 || status == 304;
                long remaining = bodyless ? 0 : head.contentLength();
                while (remaining != 0) {
                    int n = in.read(
                            buffer, 0, remaining < 0 ? buffer.length : (int) Math.min(buffer.length, remaining));
                    if (n < 0) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    remaining -= remaining < 0 ? 0 : n;
                }
                out.flush();
            }
            client.shutdownOutput();
        } catch (IOException e) {
            BenchRegistry.closeQuietly(client);
            BenchRegistry.closeQuietly(upstream);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            done.run();
        }
    }

    @Override
    public void close() {
        closed = true;
        BenchRegistry.closeQuietly(serverSocket);
        sockets.forEach(BenchRegistry::closeQuietly);
        pool.shutdownNow();
    }
}
