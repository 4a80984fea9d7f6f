package io.github.forgemaven.testing.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A small HTTP/1.1 server on a plain {@link ServerSocket}. It exists because the JDK's HttpServer answers
 * {@code 100 Continue} before the handler runs, while Go's net/http (Forgejo, Gitea) sends it only when the
 * handler starts reading and rejects early without reading the body.
 */
public final class Http11Server implements AutoCloseable {

    @FunctionalInterface
    public interface Handler {
        Response handle(ServerRequest request) throws IOException;
    }

    /** Thrown by a handler to end the connection with a reset instead of any response. */
    public static final class ConnectionAbort extends IOException {
        public ConnectionAbort() {
            super("connection aborted by the handler");
        }
    }

    private static final int BUFFER_SIZE = 64 * 1024;
    /** Go's maxPostHandlerReadBytes: an unread rest up to this size is drained to keep the connection. */
    private static final long DRAIN_LIMIT = 256 * 1024;
    /** Go's rstAvoidanceDelay: time for the client to read the reply before unread data causes a reset. */
    private static final int LINGER_MILLIS = 500;

    private final Handler handler;
    private final SocketServer server;

    private Http11Server(Handler handler, ServerSocket unbound) throws IOException {
        this.handler = handler;
        this.server = SocketServer.start("registry-emulator", unbound, this::serve);
    }

    /** Binds 127.0.0.1 on an ephemeral port and starts accepting. */
    public static Http11Server start(Handler handler) throws IOException {
        return start(handler, null);
    }

    /** Like {@link #start(Handler)}, speaking TLS with this context's key when it is not null. */
    public static Http11Server start(Handler handler, SSLContext tls) throws IOException {
        return start(handler, tls, false);
    }

    /** Like {@link #start(Handler, SSLContext)}, refusing TLS clients without a trusted certificate if asked. */
    public static Http11Server start(Handler handler, SSLContext tls, boolean needClientCertificate)
            throws IOException {
        ServerSocket socket =
                tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
        if (needClientCertificate && socket instanceof SSLServerSocket ssl) {
            ssl.setNeedClientAuth(true);
        }
        return new Http11Server(handler, socket);
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }

    private void serve(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        InputStream in = new BufferedInputStream(socket.getInputStream(), BUFFER_SIZE);
        OutputStream out = new BufferedOutputStream(socket.getOutputStream(), BUFFER_SIZE);
        while (!server.closed()) {
            RequestHead head;
            RequestBody body;
            try {
                head = RequestHead.read(in);
                if (head == null) {
                    return;
                }
                body = RequestBody.open(head, in, out, new Traffic(System.nanoTime()));
            } catch (RequestHead.MalformedRequestException e) {
                writeBareBadRequest(out);
                lingeringClose(socket, in, null);
                return;
            }
            if (!RequestTarget.isValid(head.rawTarget())) {
                writeBareBadRequest(out);
                lingeringClose(socket, in, null);
                return;
            }
            if (head.expectsSomethingElse()) {
                // Go's sendExpectationFailed: no handler runs, the body stays unread
                write(out, Response.empty(417), false, false);
                lingeringClose(socket, in, null);
                return;
            }
            Traffic traffic = body.traffic();
            try {
                Response response;
                try {
                    response = respond(new ServerRequest(head, body));
                } catch (ConnectionAbort e) {
                    // before the server closes the socket, so that the close resets
                    reset(socket);
                    return;
                }
                boolean keepAlive = !response.closeConnection() && head.keepAlive() && bodyFinished(body);
                // before the write: once written, the client may send its next request before this thread
                // runs again, and that request must not seem to have started before this answer
                traffic.answered();
                write(out, response, "HEAD".equals(head.method()), keepAlive);
                if (!keepAlive) {
                    lingeringClose(socket, in, traffic);
                    return;
                }
            } finally {
                traffic.finish();
            }
        }
    }

    private Response respond(ServerRequest request) throws ConnectionAbort {
        try {
            return handler.handle(request);
        } catch (ConnectionAbort e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            return Response.empty(500);
        }
    }

    /** Whether the connection can carry another request; never reads a body the client was told to hold back. */
    private static boolean bodyFinished(RequestBody body) throws IOException {
        if (body.exhausted()) {
            return true;
        }
        if (body.continuePending()) {
            return false;
        }
        return body.skipUpTo(DRAIN_LIMIT);
    }

    /** A zero linger makes the close send RST, as a crashed proxy or a dropped network path does. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // already closed, e.g. by close(): the client has seen the end anyway
        }
    }

    /** Drains what the client still sends, counted into {@code traffic} when there is one, before closing. */
    private static void lingeringClose(Socket socket, InputStream in, Traffic traffic) {
        try {
            if (!(socket instanceof SSLSocket)) {
                // SSLSocket refuses shutdownOutput (TLS 1.2 has no half-close); the draining below still
                // keeps the close from resetting a connection whose client is still sending.
                socket.shutdownOutput();
            }
            socket.setSoTimeout(LINGER_MILLIS);
            long deadline = System.nanoTime() + LINGER_MILLIS * 1_000_000L;
            byte[] sink = new byte[BUFFER_SIZE];
            int n;
            while (System.nanoTime() < deadline && (n = in.read(sink)) >= 0) {
                // discard what the client still sends so that closing does not reset the connection
                if (traffic != null) {
                    traffic.counted(n);
                }
            }
        } catch (IOException e) {
            // a timeout or a reset both end the lingering
        }
    }

    private static void write(OutputStream out, Response response, boolean head, boolean keepAlive) throws IOException {
        int status = response.status();
        boolean bodyAllowed = status != 204 && status != 304;
        StringBuilder sb = new StringBuilder(256);
        sb.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            sb.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        boolean chunked = bodyAllowed && response.contentLength() < 0;
        if (chunked) {
            sb.append("Transfer-Encoding: chunked\r\n");
        } else if (bodyAllowed) {
            sb.append("Content-Length: ").append(response.contentLength()).append("\r\n");
        }
        sb.append("Date: ")
                .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .append("\r\n");
        if (!keepAlive) {
            sb.append("Connection: close\r\n");
        }
        sb.append("\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (chunked && !head) {
            ChunkedOutputStream chunks = new ChunkedOutputStream(out);
            response.body().writeTo(chunks);
            chunks.finish();
        } else if (bodyAllowed && !head) {
            response.body().writeTo(out);
        }
        out.flush();
    }

    /**
     * What Go's net/http writes for a request it cannot parse (a malformed head, or a bad {@code %} escape in
     * the path): a bare {@code 400 Bad Request}, no length, the end of the body marked by the close.
     */
    private static void writeBareBadRequest(OutputStream out) throws IOException {
        out.write(("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n"
                        + "400 Bad Request")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Chunked framing of a reply body; the chunks are as large as the writes. */
    private static final class ChunkedOutputStream extends java.io.FilterOutputStream {
        private static final byte[] CRLF = {'\r', '\n'};

        ChunkedOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(b, off, len);
            out.write(CRLF);
        }

        void finish() throws IOException {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** The reason phrase of a status line; also the text of the plain bodies that proxies send. */
    public static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 206 -> "Partial Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 307 -> "Temporary Redirect";
            case 304 -> "Not Modified";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Request Entity Too Large";
            case 416 -> "Requested Range Not Satisfiable";
            case 417 -> "Expectation Failed";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status " + status;
        };
    }
}
