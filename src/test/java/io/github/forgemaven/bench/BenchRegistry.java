package io.github.forgemaven.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.forgemaven.testing.RecordedRequest;
import io.github.forgemaven.testing.RegistryEmulator;
import io.github.forgemaven.testing.StandardFixture;
import io.github.forgemaven.testing.forge.BlobStore;
import io.github.forgemaven.testing.server.DiscardingServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The servers of {@code bench/run}, in one process on 127.0.0.1 until it is killed:
 *
 * <ul>
 *   <li>the registry emulator (Forgejo v14, the flavour's default) with the standard fixture and a blob store
 *       that discards content over 64 KiB (sizes and hashes only, so GiB uploads do not fill the heap; small
 *       files such as a release's checksum file stay readable), for packages and releases alike; its
 *       repository {@code acme/app} gets the commit given by {@code --release-commit}, for the release goal;
 *   <li>a second emulator like the first whose every response is held back by the latency
 *       ({@code faults().latency}), for the many-files measure;
 *   <li>a {@link DiscardingServer} that reads bodies without hashing, for the loopback limit;
 *   <li>an admin endpoint: {@code GET /requests} lists what both emulators recorded, one request a line
 *       ({@code method status bodyBytesSent rawTarget mediaType}: the body bytes the client sent, drained ones
 *       included; the media type of its Content-Type without parameters, {@code -} when it sent none);
 *       {@code POST /clear} forgets them.
 * </ul>
 *
 * <p>Usage: {@code BenchRegistry [--latency-ms N] [--release-commit SHA]}. Prints one line
 * {@code ready <emulator URL> <latency URL> <sink URL> <admin URL>} once everything accepts connections.
 */
public final class BenchRegistry {

    /** Content up to this size is kept, so that a release re-run can download its checksum file. */
    private static final int KEPT_BYTES = 64 * 1024;

    private BenchRegistry() {}

    public static void main(String[] args) throws Exception {
        long latencyMillis = 50;
        String releaseCommit = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--latency-ms") && i + 1 < args.length) {
                latencyMillis = Long.parseLong(args[++i]);
            } else if (args[i].equals("--release-commit") && i + 1 < args.length) {
                releaseCommit = args[++i];
            } else {
                throw new IllegalArgumentException("usage: BenchRegistry [--latency-ms N] [--release-commit SHA]");
            }
        }
        RegistryEmulator emulator =
                StandardFixture.start(RegistryEmulator.builder().blobStore(BlobStore.keepingSmall(KEPT_BYTES)));
        if (releaseCommit != null) {
            emulator.repository(StandardFixture.ORG, StandardFixture.REPOSITORY).addCommit("main", releaseCommit);
        }
        RegistryEmulator delayed =
                StandardFixture.start(RegistryEmulator.builder().blobStore(BlobStore.keepingSmall(KEPT_BYTES)));
        delayed.faults().latency(Duration.ofMillis(latencyMillis));
        List<RegistryEmulator> emulators = List.of(emulator, delayed);
        DiscardingServer sink = DiscardingServer.start();
        HttpServer admin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        admin.createContext("/requests", exchange -> {
            StringBuilder lines = new StringBuilder();
            for (RecordedRequest r :
                    emulators.stream().flatMap(e -> e.requests().stream()).toList()) {
                lines.append(r.method())
                        .append(' ')
                        .append(r.status())
                        .append(' ')
                        .append(r.bodyBytesSent())
                        .append(' ')
                        .append(r.rawTarget())
                        .append(' ')
                        .append(mediaType(r.header("Content-Type")))
                        .append('\n');
            }
            reply(exchange, lines.toString());
        });
        admin.createContext("/clear", exchange -> {
            emulators.forEach(RegistryEmulator::clearRequests);
            reply(exchange, "cleared\n");
        });
        admin.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            admin.stop(0);
            sink.close();
            delayed.close();
            emulator.close();
        }));
        System.out.println("ready " + emulator.baseUrl() + " " + delayed.baseUrl()
                + " " + sink.baseUrl() + " http://127.0.0.1:"
                + admin.getAddress().getPort());
        System.out.flush();
        Thread.currentThread().join();
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "-";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .replace(' ', '_');
    }

    private static void reply(HttpExchange exchange, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
