package io.github.forgemaven.testing;

import io.github.forgemaven.testing.server.Http11Server;
import io.github.forgemaven.testing.server.RequestHead;
import io.github.forgemaven.testing.server.Response;
import io.github.forgemaven.testing.server.ServerRequest;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * A reverse proxy in front of a {@link RegistryEmulator}, behaving like nginx with {@code proxy_pass} as most
 * Forgejo and Gitea sites (Codeberg included) run it: it answers {@code 100 Continue} itself as soon as it
 * starts reading a body; a {@code Content-Length} over {@code client_max_body_size} (1 MiB by default, 0 for
 * none) gets its HTML 413 page at once, a chunked body when it passes the limit; with request buffering on
 * (the default) the whole body is read before the server sees the request, which then arrives with a
 * {@code Content-Length} and without {@code Expect}; its own errors are nginx's HTML pages; it drops
 * hop-by-hop headers and header names with an underscore ({@code underscores_in_headers off}), can strip or
 * set request headers, and adds {@code X-Forwarded-For}, {@code X-Real-IP}, {@code X-Forwarded-Proto} and
 * {@code Server: nginx}.
 *
 * <p>Faults of its own, as the upstream's failures look through nginx: a 502 after the whole body was read
 * (the server went away), and a 504 after the server stored the upload (it answered after
 * {@code proxy_read_timeout}). Every request is recorded with the body bytes read from the client.
 */
public final class FrontEndProxy implements AutoCloseable {

    /** nginx's default client_max_body_size. */
    public static final long NGINX_DEFAULT_LIMIT = 1 << 20;

    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "te",
            "trailer",
            "upgrade",
            "expect",
            "proxy-connection",
            "proxy-authorization",
            "transfer-encoding",
            "content-length",
            "host");

    /**
     * One request as the proxy handled it.
     *
     * @param method the request method
     * @param target the request-target as the client sent it
     * @param status what the proxy answered the client
     * @param bodyBytesFromClient body bytes the proxy read from the client
     * @param forwarded whether the request reached the server
     */
    public record ProxiedRequest(
            String method, String target, int status, long bodyBytesFromClient, boolean forwarded) {}

    /** Settings of a proxy to start. */
    public static final class Builder {
        private final URI upstream;
        private long bodyLimit = NGINX_DEFAULT_LIMIT;
        private boolean buffering = true;
        private final Map<String, String> setHeaders = new LinkedHashMap<>();
        private final List<String> stripHeaders = new ArrayList<>();
        private boolean emulated;

        private Builder(URI upstream) {
            this.upstream = upstream;
        }

        /** {@code client_max_body_size} in bytes; 0 for no limit. */
        public Builder bodyLimit(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("bodyLimit must be 0 (none) or positive: " + bytes);
            }
            this.bodyLimit = bytes;
            return this;
        }

        /** {@code proxy_request_buffering}: on, the whole body is read before the server is contacted. */
        public Builder buffering(boolean value) {
            this.buffering = value;
            return this;
        }

        /** {@code proxy_set_header name value}; an empty value removes the header, as in nginx. */
        public Builder setRequestHeader(String name, String value) {
            setHeaders.put(name, value);
            return this;
        }

        /** Drops this request header before forwarding. */
        public Builder stripRequestHeader(String name) {
            stripHeaders.add(name.toLowerCase(Locale.ROOT));
            return this;
        }

        public FrontEndProxy start() {
            try {
                return new FrontEndProxy(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the front-end proxy", e);
            }
        }
    }

    private record Armed(String method, int status, boolean forward) {}

    /** Where requests go: the emulator's or a real server's URL (over TLS when https, its certificate checked). */
    private final URI upstream;

    private final boolean emulated;
    private final long bodyLimit;
    private final boolean buffering;
    private final Map<String, String> setHeaders;
    private final List<String> stripHeaders;
    private final List<Armed> faults = new ArrayList<>();
    private final List<ProxiedRequest> requests = new CopyOnWriteArrayList<>();
    private final Http11Server server;

    private FrontEndProxy(Builder builder) throws IOException {
        this.upstream = builder.upstream;
        this.emulated = builder.emulated;
        this.bodyLimit = builder.bodyLimit;
        this.buffering = builder.buffering;
        this.setHeaders = Map.copyOf(builder.setHeaders);
        this.stripHeaders = List.copyOf(builder.stripHeaders);
        this.server = Http11Server.start(this::handle);
    }

    /** A proxy in front of this emulator, with nginx's defaults. */
    public static Builder in(RegistryEmulator upstream) {
        Builder builder = new Builder(URI.create(upstream.baseUrl()));
        builder.emulated = true;
        return builder;
    }

    /**
     * A proxy in front of the server an IT runs against: the emulator, or in conformance mode the real server
     * (reached over TLS when its URL is https, with {@code Host} set to its authority, as {@code proxy_pass}
     * to it with {@code proxy_set_header Host} would), with nginx's defaults.
     */
    public static Builder in(ServerUnderTest server) {
        return server.emulator().map(FrontEndProxy::in).orElseGet(() -> new Builder(URI.create(server.baseUrl())));
    }

    /**
     * {@code http://127.0.0.1:<port>}, the URL to give the client instead of the server's (with a real server's
     * path, if its URL has one).
     */
    public String baseUrl() {
        String path = emulated || upstream.getRawPath() == null ? "" : upstream.getRawPath();
        return "http://127.0.0.1:" + server.port() + path;
    }

    public int port() {
        return server.port();
    }

    /**
     * Reads the whole body of the next {@code count} matching requests ({@code "*"} for any method), then
     * answers {@code status} (502 or 504) with nginx's page, without contacting the server.
     */
    public FrontEndProxy failAfterBody(String method, int count, int status) {
        return arm(method, count, gatewayStatus(status), false);
    }

    /**
     * Forwards the next {@code count} matching requests, so that the server handles them, then answers
     * {@code status} (502 or 504) instead of the server's reply, as after {@code proxy_read_timeout}.
     */
    public FrontEndProxy answerAfterServer(String method, int count, int status) {
        return arm(method, count, gatewayStatus(status), true);
    }

    /** Every request so far, in order. */
    public List<ProxiedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests with this method. */
    public List<ProxiedRequest> requests(String method) {
        return requests.stream().filter(r -> r.method().equals(method)).toList();
    }

    @Override
    public void close() {
        server.close();
    }

    /** nginx's error page for a status: the same markup it has sent since 0.x, CRLF line ends. */
    public static String errorPage(int status) {
        String title = status + " " + nginxReason(status);
        return "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    }

    private static String nginxReason(int status) {
        return switch (status) {
            case 413 -> "Request Entity Too Large";
            case 502 -> "Bad Gateway";
            case 504 -> "Gateway Time-out";
            default -> Http11Server.reason(status);
        };
    }

    private static Response page(int status) {
        return Response.bytes(
                        status,
                        Map.of("Server", "nginx", "Content-Type", "text/html"),
                        errorPage(status).getBytes(StandardCharsets.US_ASCII))
                .closingConnection();
    }

    private Response handle(ServerRequest request) throws IOException {
        String method = request.method();
        String target = request.head().rawTarget();
        Armed fault = take(method);
        String length = request.header("Content-Length");
        boolean chunked = request.header("Transfer-Encoding") != null;
        if (bodyLimit > 0 && length != null && Long.parseLong(length) > bodyLimit) {
            // the Content-Length alone decides: no 100 Continue, the body is never read
            return record(method, target, page(413), request, false);
        }
        boolean hasBody = chunked || (length != null && Long.parseLong(length) > 0);
        if (fault != null && !fault.forward()) {
            drain(request.body());
            return record(method, target, page(fault.status()), request, false);
        }
        if (buffering || chunked) {
            Path spool = Files.createTempFile("front-end-proxy", ".body");
            try {
                long size;
                try (OutputStream out = Files.newOutputStream(spool)) {
                    size = copy(request.body(), out, bodyLimit);
                }
                if (size < 0) {
                    return record(method, target, page(413), request, false);
                }
                Response response;
                try (InputStream body = Files.newInputStream(spool)) {
                    response = forward(request, hasBody ? size : -1, body);
                }
                return record(method, target, fault != null ? page(fault.status()) : response, request, true);
            } finally {
                Files.deleteIfExists(spool);
            }
        }
        Response response = forward(request, hasBody ? Long.parseLong(length) : -1, request.body());
        // an early reply leaves the rest of the body unread: nginx reads and discards it rather than
        // closing on a client that is still sending
        drain(request.body());
        return record(method, target, fault != null ? page(fault.status()) : response, request, true);
    }

    private Response record(String method, String target, Response response, ServerRequest request, boolean forwarded) {
        requests.add(new ProxiedRequest(
                method, target, response.status(), request.body().received(), forwarded));
        return response;
    }

    /**
     * Sends the request to the server with a Content-Length ({@code length} bytes of {@code body}, none when
     * negative) and reads its reply whole, so that the connection to the server ends here; a server that
     * cannot be reached or answers nothing is nginx's 502.
     */
    private Response forward(ServerRequest request, long length, InputStream body) throws IOException {
        Socket socket;
        try {
            socket = connectUpstream();
        } catch (IOException | GeneralSecurityException e) {
            return page(502);
        }
        try (socket) {
            socket.setSoTimeout(60_000);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out.write(requestHead(request, length).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // nginx reads the server's reply while it still sends the body, so an early 401 is not lost when
            // the server closes (and resets) the connection on the rest of the body
            CompletableFuture<Response> reply = new CompletableFuture<>();
            Thread reader = new Thread(
                    () -> {
                        try {
                            reply.complete(readResponse(in, request.method()));
                        } catch (IOException | RuntimeException e) {
                            reply.completeExceptionally(e);
                        }
                    },
                    "front-end-proxy-reply-" + port());
            reader.setDaemon(true);
            reader.start();
            try {
                if (length > 0) {
                    byte[] buffer = new byte[64 * 1024];
                    int n;
                    while (!reply.isDone() && (n = body.read(buffer)) >= 0) {
                        out.write(buffer, 0, n);
                    }
                }
                out.flush();
            } catch (IOException e) {
                // the server answered early and closed; its reply is read all the same
            }
            try {
                return reply.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                return page(e instanceof TimeoutException ? 504 : 502);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return page(502);
            }
        }
    }

    private Socket connectUpstream() throws IOException, GeneralSecurityException {
        if (emulated) {
            return new Socket(InetAddress.getLoopbackAddress(), upstream.getPort());
        }
        boolean https = upstream.getScheme().equalsIgnoreCase("https");
        int port = upstream.getPort() > 0 ? upstream.getPort() : https ? 443 : 80;
        Socket plain = new Socket(upstream.getHost(), port);
        if (!https) {
            return plain;
        }
        try {
            return UpstreamTls.handshake(plain, SSLContext.getDefault(), upstream.getHost(), port);
        } catch (IOException e) {
            plain.close();
            throw e;
        }
    }

    private String requestHead(ServerRequest request, long length) {
        StringBuilder head = new StringBuilder(request.method())
                .append(' ')
                .append(request.head().rawTarget())
                .append(" HTTP/1.1\r\nHost: ")
                .append(setHeaders.entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase("Host"))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(
                                !emulated
                                        ? upstream.getRawAuthority()
                                        : request.header("Host") != null
                                                ? request.header("Host")
                                                : "127.0.0.1:" + port()))
                .append("\r\n");
        for (Map.Entry<String, List<String>> header : request.head().headers().entrySet()) {
            String name = header.getKey();
            String lower = name.toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(lower) || name.contains("_") || stripHeaders.contains(lower)) {
                continue;
            }
            if (setHeaders.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
                continue;
            }
            for (String value : header.getValue()) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        }
        setHeaders.forEach((name, value) -> {
            if (!value.isEmpty() && !name.equalsIgnoreCase("Host")) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        head.append("X-Real-IP: 127.0.0.1\r\nX-Forwarded-For: 127.0.0.1\r\nX-Forwarded-Proto: http\r\n");
        if (length >= 0) {
            head.append("Content-Length: ").append(length).append("\r\n");
        }
        return head.append("Connection: close\r\n\r\n").toString();
    }

    private static Response readResponse(InputStream in, String method) throws IOException {
        String statusLine = RequestHead.readLine(in);
        if (statusLine == null) {
            throw new EOFException("no reply from the server");
        }
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        boolean chunked = false;
        long length = -1;
        String line;
        while ((line = RequestHead.readLine(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("transfer-encoding")) {
                chunked = true;
            } else if (lower.equals("content-length")) {
                length = Long.parseLong(value);
            } else if (!HOP_BY_HOP.contains(lower) && !lower.equals("date")) {
                headers.put(name, value);
            }
        }
        headers.put("Server", "nginx");
        byte[] body;
        if (method.equals("HEAD") || status == 204 || status == 304) {
            body = new byte[0];
        } else if (chunked) {
            body = dechunk(in);
        } else if (length >= 0) {
            body = in.readNBytes((int) length);
        } else {
            body = in.readAllBytes();
        }
        if (method.equals("HEAD") && length >= 0) {
            byte[] none = body;
            long declared = length;
            return new Response(status, headers, declared, out -> out.write(none));
        }
        return Response.bytes(status, headers, body);
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = RequestHead.readLine(in);
            if (size == null) {
                throw new EOFException("chunked reply ended early");
            }
            int n = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (n == 0) {
                while (!RequestHead.readLine(in).isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            RequestHead.readLine(in);
        }
    }

    /** Copies the body; -1 once it passes the limit (0 for none). */
    private static long copy(InputStream body, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = body.read(buffer)) >= 0) {
            total += n;
            if (limit > 0 && total > limit) {
                return -1;
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static void drain(InputStream body) throws IOException {
        body.transferTo(OutputStream.nullOutputStream());
    }

    private synchronized Armed take(String method) {
        for (Iterator<Armed> it = faults.iterator(); it.hasNext(); ) {
            Armed next = it.next();
            if (next.method().equals("*") || next.method().equals(method)) {
                it.remove();
                return next;
            }
        }
        return null;
    }

    private synchronized FrontEndProxy arm(String method, int count, int status, boolean forward) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        for (int i = 0; i < count; i++) {
            faults.add(new Armed(method.toUpperCase(Locale.ROOT), status, forward));
        }
        return this;
    }

    private static int gatewayStatus(int status) {
        if (status != 502 && status != 504) {
            throw new IllegalArgumentException("a gateway error is 502 or 504: " + status);
        }
        return status;
    }
}
