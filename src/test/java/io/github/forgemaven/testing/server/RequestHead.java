package io.github.forgemaven.testing.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The request line and headers of one HTTP/1.1 request, the request-target kept exactly as sent. */
public record RequestHead(String method, String rawTarget, String version, Map<String, List<String>> headers) {

    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;

    /** Thrown for requests that Go's net/http would answer with 400 before any handler runs. */
    static final class MalformedRequestException extends IOException {
        MalformedRequestException(String message) {
            super(message);
        }
    }

    String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    boolean keepAlive() {
        String connection = header("Connection");
        boolean close =
                connection != null && connection.toLowerCase(Locale.ROOT).contains("close");
        return "HTTP/1.1".equals(version) && !close;
    }

    boolean expectsContinue() {
        String expect = header("Expect");
        return "HTTP/1.1".equals(version) && expect != null && expect.trim().equalsIgnoreCase("100-continue");
    }

    /** An {@code Expect} header other than {@code 100-continue}, which Go answers with 417. */
    boolean expectsSomethingElse() {
        String expect = header("Expect");
        if (expect == null || expect.isEmpty()) {
            return false;
        }
        for (String token : expect.split(",")) {
            if (token.trim().equalsIgnoreCase("100-continue")) {
                return false;
            }
        }
        return true;
    }

    /** Reads the next request head, or returns null when the client closed the connection between requests. */
    static RequestHead read(InputStream in) throws IOException {
        String requestLine = readLine(in);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine(in);
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || !parts[2].startsWith("HTTP/1.")) {
            throw new MalformedRequestException("malformed request line");
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int count = 0; ; count++) {
            String line = readLine(in);
            if (line == null) {
                throw new MalformedRequestException("connection closed inside the request head");
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || count >= MAX_HEADERS) {
                throw new MalformedRequestException("malformed header line");
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        headers.replaceAll((k, v) -> List.copyOf(v));
        return new RequestHead(parts[0], parts[1], parts[2], Collections.unmodifiableMap(headers));
    }

    /** Reads one line ending in CRLF (a bare LF is tolerated); null on EOF before any byte. */
    public static String readLine(InputStream in) throws IOException {
        byte[] buffer = new byte[128];
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (length == 0) {
                    return null;
                }
                throw new MalformedRequestException("unterminated line");
            }
            if (b == '\n') {
                if (length > 0 && buffer[length - 1] == '\r') {
                    length--;
                }
                return new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (length == buffer.length) {
                if (length >= MAX_LINE) {
                    throw new MalformedRequestException("line too long");
                }
                buffer = Arrays.copyOf(buffer, length * 2);
            }
            buffer[length++] = (byte) b;
        }
    }
}
