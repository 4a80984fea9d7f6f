package io.github.forgemaven.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The head of one HTTP/1.1 message (request or response) as raw bytes, with the few fields the bench servers need. */
record HttpHead(byte[] raw, String startLine, Map<String, String> headers) {

    private static final int MAX_HEAD_BYTES = 64 * 1024;

    /** Reads up to and including the empty line; null when the stream ends before the first byte. */
    static HttpHead read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new IOException("the stream ended inside a message head");
            }
            head.write(b);
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("message head over " + MAX_HEAD_BYTES + " bytes");
            }
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1
                    : (b == '\r' ? 1 : 0);
        }
        byte[] raw = head.toByteArray();
        String[] lines = new String(raw, StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        return new HttpHead(raw, lines[0], headers);
    }

    /** The header's value (name case-insensitive), or null. */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Content-Length, or -1 when absent. */
    long contentLength() {
        String value = header("Content-Length");
        return value == null ? -1 : Long.parseLong(value);
    }

    /** The status of a response head ({@code HTTP/1.1 201 Created} gives 201). */
    int status() {
        return Integer.parseInt(startLine.split(" ", 3)[1]);
    }
}
