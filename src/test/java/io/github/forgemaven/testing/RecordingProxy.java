package io.github.forgemaven.testing;

import io.github.forgemaven.testing.server.SocketServer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A small HTTP/1.1 forward proxy on 127.0.0.1 that records every request it gets: absolute-form requests
 * ({@code PUT http://127.0.0.1:port/...}) are forwarded to their target and the response relayed, bodies
 * streamed both ways and a {@code 100 Continue} relayed as it comes; {@code CONNECT host:port} opens a byte
 * tunnel. Optionally it requires HTTP Basic credentials and answers {@code 407} without them.
 */
public final class RecordingProxy implements AutoCloseable {

    /**
     * One request as the proxy got it.
     *
     * @param requestLine e.g. {@code PUT http://127.0.0.1:1234/api/... HTTP/1.1} or {@code CONNECT host:443 HTTP/1.1}
     * @param headers the request headers, names ignoring case
     * @param status what the proxy answered: its own 407 or 502, 200 for an open tunnel, or the target's status
     * @param bodyBytes request body bytes forwarded to the target
     */
    public record ProxiedRequest(String requestLine, Map<String, List<String>> headers, int status, long bodyBytes) {

        public String method() {
            return requestLine.split(" ", 3)[0];
        }

        /** The request-target: an absolute URL, or {@code host:port} for CONNECT. */
        public String target() {
            return requestLine.split(" ", 3)[1];
        }

        /** The first value of a header, ignoring case, or null. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String proxyAuthorization() {
            return header("Proxy-Authorization");
        }
    }

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int IDLE_TIMEOUT_MILLIS = 60_000;
    private static final Set<String> HOP_BY_HOP =
            Set.of("proxy-authorization", "proxy-connection", "connection", "keep-alive", "te", "upgrade");

    private final String expectedAuthorization;
    private final Map<String, String> aliases = new ConcurrentHashMap<>();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<ProxiedRequest> requests = new CopyOnWriteArrayList<>();
    private final SocketServer server;

    private RecordingProxy(String expectedAuthorization) throws IOException {
        this.expectedAuthorization = expectedAuthorization;
        this.server = SocketServer.start("recording-proxy", this::serve);
    }

    /** A proxy that lets everyone through. */
    public static RecordingProxy start() {
        return start(null, null);
    }

    /** A proxy that requires these credentials (HTTP Basic); {@code null} username for none. */
    public static RecordingProxy start(String username, String password) {
        try {
            String expected = username == null
                    ? null
                    : "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            return new RecordingProxy(expected);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the proxy", e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    /**
     * Connects requests for {@code host} to {@code address} instead, as a hosts-file entry would: a URL can
     * then name a host that is not this machine (which the plugin treats as such) and still reach an emulator.
     */
    public RecordingProxy alias(String host, String address) {
        aliases.put(host.toLowerCase(Locale.ROOT), address);
        return this;
    }

    /**
     * Sends absolute-form requests for {@code host} (on any port) to the server at {@code upstream} instead, over
     * TLS when it is {@code https://} (the JVM's trust store, the host name verified), with {@code Host} set to
     * its authority, as a reverse proxy in front of it would: a plain {@code http://} URL naming a host that is
     * not this machine can then reach any server, a real one on https included.
     */
    public RecordingProxy route(String host, URI upstream) {
        try {
            return route(host, upstream, SSLContext.getDefault());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    /** Like {@link #route(String, URI)}, trusting what {@code tls} trusts for an https upstream. */
    public RecordingProxy route(String host, URI upstream, SSLContext tls) {
        routes.put(host.toLowerCase(Locale.ROOT), new Route(upstream, tls));
        return this;
    }

    private record Route(URI upstream, SSLContext tls) {}

    public int port() {
        return server.port();
    }

    /** Every request so far, in the order they arrived. */
    public List<ProxiedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests with this method, e.g. {@code PUT} or {@code CONNECT}. */
    public List<ProxiedRequest> requests(String method) {
        return requests.stream().filter(r -> r.method().equals(method)).toList();
    }

    @Override
    public void close() {
        server.close();
    }

    private void serve(Socket client) throws IOException {
        client.setSoTimeout(IDLE_TIMEOUT_MILLIS);
        InputStream in = new BufferedInputStream(client.getInputStream());
        OutputStream out = new BufferedOutputStream(client.getOutputStream());
        while (!server.closed()) {
            Head request = Head.read(in);
            if (request == null || !handle(request, in, out)) {
                return;
            }
        }
    }

    /** Handles one request; true when the client connection may carry another. */
    private boolean handle(Head request, InputStream in, OutputStream out) throws IOException {
        String[] parts = request.startLine.split(" ", 3);
        if (parts.length < 3) {
            respond(out, 400, "Bad Request", true);
            return false;
        }
        boolean expectContinue = "100-continue".equalsIgnoreCase(request.first("Expect"));
        boolean hasBody = request.isChunked() || request.contentLength() > 0;
        if (expectedAuthorization != null && !expectedAuthorization.equals(request.first("Proxy-Authorization"))) {
            boolean bodyPending = hasBody && expectContinue;
            if (hasBody && !expectContinue) {
                copyBody(request, in, OutputStream.nullOutputStream());
            }
            record(request, 407, 0);
            String close = bodyPending ? "Connection: close\r\n" : "";
            write(
                    out,
                    "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"proxy\"\r\n"
                            + "Content-Length: 0\r\n" + close + "\r\n");
            return !bodyPending;
        }
        if (parts[0].equals("CONNECT")) {
            tunnel(request, parts[1], in, out);
            return false;
        }
        return forward(request, parts[0], parts[1], in, out, hasBody, expectContinue);
    }

    private void tunnel(Head request, String authority, InputStream in, OutputStream out) throws IOException {
        int colon = authority.lastIndexOf(':');
        Socket upstream = connect(authority.substring(0, colon), Integer.parseInt(authority.substring(colon + 1)));
        if (upstream == null) {
            record(request, 502, 0);
            respond(out, 502, "Bad Gateway", true);
            return;
        }
        try (upstream) {
            record(request, 200, 0);
            write(out, "HTTP/1.1 200 Connection established\r\n\r\n");
            Future<?> down = server.submit(() -> pump(upstream.getInputStream(), out, null));
            pump(in, upstream.getOutputStream(), upstream);
            down.get(IDLE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // the tunnel ends
        }
    }

    private static Void pump(InputStream from, OutputStream to, Socket shutDownWhenDone) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        int n;
        try {
            while ((n = from.read(buffer)) > 0) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } finally {
            if (shutDownWhenDone != null && !shutDownWhenDone.isClosed()) {
                shutDownWhenDone.shutdownOutput();
            }
        }
        return null;
    }

    private boolean forward(
            Head request,
            String method,
            String absoluteTarget,
            InputStream in,
            OutputStream out,
            boolean hasBody,
            boolean expectContinue)
            throws IOException {
        URI uri = URI.create(absoluteTarget);
        Route route = uri.getHost() == null ? null : routes.get(uri.getHost().toLowerCase(Locale.ROOT));
        Socket upstream = route != null
                ? connect(route)
                : uri.getHost() == null ? null : connect(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 80);
        if (upstream == null) {
            if (hasBody && !expectContinue) {
                copyBody(request, in, OutputStream.nullOutputStream());
            }
            record(request, 502, 0);
            respond(out, 502, "Bad Gateway", true);
            return false;
        }
        try (upstream) {
            InputStream upIn = new BufferedInputStream(upstream.getInputStream());
            OutputStream upOut = new BufferedOutputStream(upstream.getOutputStream());
            String originForm = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            StringBuilder head = new StringBuilder(method + " " + originForm + " HTTP/1.1\r\n");
            for (String[] header : request.headers) {
                if (route != null && header[0].equalsIgnoreCase("Host")) {
                    head.append("Host: ")
                            .append(route.upstream().getRawAuthority())
                            .append("\r\n");
                } else if (!HOP_BY_HOP.contains(header[0].toLowerCase(Locale.ROOT))) {
                    head.append(header[0]).append(": ").append(header[1]).append("\r\n");
                }
            }
            head.append("Connection: close\r\n\r\n");
            write(upOut, head.toString());
            long sent = 0;
            boolean bodySent = !hasBody;
            if (hasBody && !expectContinue) {
                sent = copyBody(request, in, upOut);
                upOut.flush();
                bodySent = true;
            }
            Head response = Head.read(upIn);
            while (response != null && response.status() < 200) {
                write(out, response.serialize(null));
                if (response.status() == 100 && !bodySent) {
                    sent = copyBody(request, in, upOut);
                    upOut.flush();
                    bodySent = true;
                }
                response = Head.read(upIn);
            }
            if (response == null) {
                record(request, 502, sent);
                respond(out, 502, "Bad Gateway", true);
                return false;
            }
            boolean framed = response.isChunked()
                    || response.first("Content-Length") != null
                    || !hasResponseBody(method, response);
            boolean keepAlive = bodySent && framed;
            record(request, response.status(), sent);
            write(out, response.serialize(keepAlive ? null : "close"));
            if (hasResponseBody(method, response)) {
                if (framed) {
                    copyBody(response, upIn, out);
                } else {
                    upIn.transferTo(out);
                }
            }
            out.flush();
            return keepAlive;
        }
    }

    private static boolean hasResponseBody(String method, Head response) {
        int status = response.status();
        return !method.equals("HEAD") && status != 204 && status != 304;
    }

    private Socket connect(String host, int port) {
        Socket socket = new Socket();
        try {
            socket.connect(
                    new InetSocketAddress(aliases.getOrDefault(host.toLowerCase(Locale.ROOT), host), port),
                    CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            return server.track(socket);
        } catch (IOException e) {
            closeQuietly(socket);
            return null;
        }
    }

    /** A connection to a {@link #route}'s server, TLS already negotiated for https; null if it fails. */
    private Socket connect(Route route) {
        URI upstream = route.upstream();
        boolean https = upstream.getScheme().equalsIgnoreCase("https");
        int port = upstream.getPort() > 0 ? upstream.getPort() : https ? 443 : 80;
        Socket plain = connect(upstream.getHost(), port);
        if (plain == null || !https) {
            return plain;
        }
        try {
            return UpstreamTls.handshake(plain, route.tls(), upstream.getHost(), port);
        } catch (IOException e) {
            closeQuietly(plain);
            return null;
        }
    }

    private void record(Head request, int status, long bodyBytes) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String[] header : request.headers) {
            headers.computeIfAbsent(header[0], k -> new ArrayList<>()).add(header[1]);
        }
        requests.add(new ProxiedRequest(request.startLine, headers, status, bodyBytes));
    }

    private static void respond(OutputStream out, int status, String reason, boolean close) throws IOException {
        write(
                out,
                "HTTP/1.1 " + status + " " + reason + "\r\nContent-Length: 0\r\n"
                        + (close ? "Connection: close\r\n" : "") + "\r\n");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Copies a message body as framed by its head, chunks relayed as they are; returns the content bytes. */
    private static long copyBody(Head head, InputStream in, OutputStream out) throws IOException {
        if (head.isChunked()) {
            long total = 0;
            while (true) {
                String sizeLine = readLine(in);
                write(out, sizeLine + "\r\n");
                int semicolon = sizeLine.indexOf(';');
                long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
                if (size == 0) {
                    String trailer;
                    do {
                        trailer = readLine(in);
                        write(out, trailer + "\r\n");
                    } while (!trailer.isEmpty());
                    return total;
                }
                copyExactly(in, out, size);
                total += size;
                String crlf = readLine(in);
                write(out, crlf + "\r\n");
            }
        }
        long length = head.contentLength();
        if (length > 0) {
            copyExactly(in, out, length);
        }
        return Math.max(0, length);
    }

    private static void copyExactly(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("body ended " + left + " bytes early");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    /** A line without its CRLF, or null at end of stream before any byte. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        if (line.size() == 0) {
            return null;
        }
        throw new EOFException("line ended without CRLF");
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** A request or response head: start line and headers in their order. */
    private static final class Head {
        final String startLine;
        final List<String[]> headers;

        private Head(String startLine, List<String[]> headers) {
            this.startLine = startLine;
            this.headers = headers;
        }

        static Head read(InputStream in) throws IOException {
            String start = readLine(in);
            if (start == null) {
                return null;
            }
            List<String[]> headers = new ArrayList<>();
            String line;
            while ((line = readLine(in)) != null && !line.isEmpty()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.add(new String[] {
                        line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip()
                    });
                }
            }
            return new Head(start, headers);
        }

        String first(String name) {
            for (String[] header : headers) {
                if (header[0].equalsIgnoreCase(name)) {
                    return header[1];
                }
            }
            return null;
        }

        boolean isChunked() {
            String encoding = first("Transfer-Encoding");
            return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
        }

        long contentLength() {
            String length = first("Content-Length");
            return length == null ? -1 : Long.parseLong(length.strip());
        }

        int status() {
            return Integer.parseInt(startLine.split(" ", 3)[1]);
        }

        /** The head as bytes to send, with {@code Connection: close} when {@code connection} says so. */
        String serialize(String connection) {
            StringBuilder text = new StringBuilder(startLine).append("\r\n");
            for (String[] header : headers) {
                String name = header[0].toLowerCase(Locale.ROOT);
                if (!name.equals("connection") && !name.equals("keep-alive")) {
                    text.append(header[0]).append(": ").append(header[1]).append("\r\n");
                }
            }
            if (connection != null) {
                text.append("Connection: ").append(connection).append("\r\n");
            }
            return text.append("\r\n").toString();
        }
    }
}
