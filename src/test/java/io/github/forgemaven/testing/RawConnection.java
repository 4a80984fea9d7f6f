package io.github.forgemaven.testing;

import io.github.forgemaven.testing.server.RequestHead;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A client socket that writes exactly the bytes a test gives it and reads responses one by one. */
final class RawConnection implements AutoCloseable {

    record RawResponse(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawConnection(RegistryEmulator emulator) throws IOException {
        this(emulator.port());
    }

    RawConnection(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads one response; the body only when it has a Content-Length (interim 1xx responses have none). */
    RawResponse read() throws IOException {
        RawResponse head = readHead();
        int length = head.status() < 200 ? 0 : Integer.parseInt(head.headers().getOrDefault("Content-Length", "0"));
        return new RawResponse(head.status(), head.headers(), in.readNBytes(length));
    }

    /** Reads a status line and headers only, as for a reply to HEAD. */
    RawResponse readHead() throws IOException {
        String statusLine = RequestHead.readLine(in);
        if (statusLine == null) {
            throw new IOException("connection closed before a response");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String line;
        while (!(line = RequestHead.readLine(in)).isEmpty()) {
            int colon = line.indexOf(':');
            headers.put(
                    line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        return new RawResponse(status, headers, new byte[0]);
    }

    /** The buffered stream of the server's bytes, for tests that decode a framing themselves. */
    InputStream input() {
        return in;
    }

    /** Everything the server sends until it closes the connection, e.g. a body without a length. */
    byte[] readToClose() throws IOException {
        return in.readAllBytes();
    }

    /** True when the server closed its side: reading gives end-of-stream instead of a timeout. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    static String request(String method, String target, List<String> headers, long contentLength) {
        StringBuilder sb =
                new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        headers.forEach(h -> sb.append(h).append("\r\n"));
        if (contentLength >= 0) {
            sb.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
