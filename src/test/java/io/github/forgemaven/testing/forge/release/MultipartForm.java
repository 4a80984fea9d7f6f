package io.github.forgemaven.testing.forge.release;

import io.github.forgemaven.testing.forge.Blob;
import io.github.forgemaven.testing.forge.BlobStore;
import io.github.forgemaven.testing.forge.Digests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Go's {@code ParseMultipartForm} as the release handlers use it, but streaming: the first file part of
 * the wanted field goes straight into a blob (constant memory for a multi-GiB asset), other file parts are
 * discarded, value parts are kept. A part whose filename is empty is a value, as in Go.
 */
final class MultipartForm {

    /** Go's default limit for the value parts of a form (10 MiB). */
    private static final int MAX_VALUES = 10 << 20;

    private static final int MAX_HEADER = 16 * 1024;

    /** The uploaded file of the wanted field. */
    record FilePart(String fileName, Digests digests, Blob blob) {}

    /** Value fields in arrival order, and the file, if the wanted field had one. */
    record Form(Map<String, List<String>> values, Optional<FilePart> file) {}

    /** The body is not a readable multipart form: Go's parse error, which the handlers turn into a 500. */
    static final class MalformedException extends IOException {
        MalformedException(String message) {
            super(message);
        }
    }

    private MultipartForm() {}

    static Form parse(String contentType, InputStream body, String fileField, BlobStore blobs) throws IOException {
        String boundary = boundary(contentType);
        if (boundary == null) {
            throw new MalformedException("no multipart boundary param in Content-Type");
        }
        Scanner scanner = new Scanner(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1));
        scanner.skipToDelimiter();
        Map<String, List<String>> values = new LinkedHashMap<>();
        FilePart file = null;
        long valueBytes = 0;
        while (scanner.startNextPart()) {
            Map<String, String> disposition = disposition(scanner.readHeaders());
            String field = disposition.get("name");
            String fileName = disposition.getOrDefault("filename", "");
            if (field == null) {
                scanner.copyPart(null);
            } else if (!fileName.isEmpty()) {
                if (file == null && field.equals(fileField)) {
                    BlobStore.Writer writer = blobs.newBlob();
                    Digests digests = Digests.copy(scanner.partStream(), writer);
                    file = new FilePart(base(fileName), digests, writer.finish());
                } else {
                    scanner.copyPart(null);
                }
            } else {
                ByteArrayOutputStream value = new ByteArrayOutputStream();
                scanner.copyPart(value);
                valueBytes += value.size();
                if (valueBytes > MAX_VALUES) {
                    throw new MalformedException("multipart: message too large");
                }
                values.computeIfAbsent(field, k -> new ArrayList<>()).add(value.toString(StandardCharsets.UTF_8));
            }
        }
        return new Form(values, Optional.ofNullable(file));
    }

    static String boundary(String contentType) {
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("multipart/form-data")) {
            return null;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).trim().equalsIgnoreCase("boundary")) {
                String value = unquote(parameter.substring(equals + 1).trim());
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    /** Go's Part.FileName: the base name of the filename parameter. */
    private static String base(String fileName) {
        String trimmed = fileName.endsWith("/") ? fileName.substring(0, fileName.length() - 1) : fileName;
        int slash = trimmed.lastIndexOf('/');
        return slash < 0 ? trimmed : trimmed.substring(slash + 1);
    }

    private static Map<String, String> disposition(List<String> headers) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon < 0 || !header.substring(0, colon).trim().equalsIgnoreCase("content-disposition")) {
                continue;
            }
            String[] fields = splitParams(header.substring(colon + 1));
            if (!fields[0].trim().equalsIgnoreCase("form-data")) {
                return params;
            }
            for (int i = 1; i < fields.length; i++) {
                int equals = fields[i].indexOf('=');
                if (equals > 0) {
                    params.put(
                            fields[i].substring(0, equals).trim().toLowerCase(Locale.ROOT),
                            unquote(fields[i].substring(equals + 1).trim()));
                }
            }
        }
        return params;
    }

    /** Splits at semicolons outside quotes. */
    private static String[] splitParams(String value) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' && (i == 0 || value.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields.toArray(new String[0]);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return value;
    }

    /** Finds delimiters in the body with a bounded look-ahead buffer. */
    private static final class Scanner {
        private final InputStream in;
        private final byte[] delimiter;
        /** Horspool's shift for each byte value: how far the delimiter may move when that byte ends a window. */
        private final int[] shift = new int[256];

        private final byte[] buffer = new byte[64 * 1024];
        private int start;
        private int end;
        private boolean eof;

        Scanner(InputStream in, byte[] delimiter) {
            this.in = in;
            this.delimiter = delimiter;
            Arrays.fill(shift, delimiter.length);
            for (int i = 0; i < delimiter.length - 1; i++) {
                shift[delimiter[i] & 0xff] = delimiter.length - 1 - i;
            }
            // the first delimiter has no CRLF before it; pretend it has
            buffer[0] = '\r';
            buffer[1] = '\n';
            end = 2;
        }

        void skipToDelimiter() throws IOException {
            copyPart(null);
        }

        /** After a delimiter: true if a part follows, false at the closing {@code --}. */
        boolean startNextPart() throws IOException {
            if (!ensure(2)) {
                throw new MalformedException("multipart: NextPart: EOF");
            }
            if (buffer[start] == '-' && buffer[start + 1] == '-') {
                return false;
            }
            String rest = readLine();
            if (!rest.isBlank()) {
                throw new MalformedException("multipart: expecting a new Part; got line " + rest);
            }
            return true;
        }

        List<String> readHeaders() throws IOException {
            List<String> headers = new ArrayList<>();
            int total = 0;
            while (true) {
                String line = readLine();
                if (line.isEmpty()) {
                    return headers;
                }
                total += line.length();
                if (total > MAX_HEADER) {
                    throw new MalformedException("multipart: part header too large");
                }
                headers.add(line);
            }
        }

        /** Copies the current part's content up to the next delimiter to {@code out} (null discards it). */
        void copyPart(ByteArrayOutputStream out) throws IOException {
            InputStream part = partStream();
            byte[] chunk = new byte[8192];
            int n;
            while ((n = part.read(chunk, 0, chunk.length)) >= 0) {
                if (out != null) {
                    out.write(chunk, 0, n);
                }
            }
        }

        /** The current part's content; reading it to the end consumes the delimiter after it. */
        InputStream partStream() {
            return new InputStream() {
                private boolean done;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    int n = read(one, 0, 1);
                    return n < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    while (!done) {
                        int found = indexOf(delimiter);
                        if (found >= 0) {
                            if (found == start) {
                                start += delimiter.length;
                                done = true;
                                return -1;
                            }
                            return take(b, off, Math.min(len, found - start));
                        }
                        int safe = end - delimiter.length + 1;
                        if (safe > start) {
                            return take(b, off, Math.min(len, safe - start));
                        }
                        if (!fill()) {
                            throw new MalformedException("multipart: NextPart: EOF");
                        }
                    }
                    return -1;
                }
            };
        }

        private int take(byte[] b, int off, int n) {
            System.arraycopy(buffer, start, b, off, n);
            start += n;
            return n;
        }

        private String readLine() throws IOException {
            StringBuilder line = new StringBuilder();
            while (true) {
                if (!ensure(1)) {
                    throw new MalformedException("multipart: unexpected EOF in part header");
                }
                byte c = buffer[start++];
                if (c == '\n') {
                    int length = line.length();
                    return length > 0 && line.charAt(length - 1) == '\r'
                            ? line.substring(0, length - 1)
                            : line.toString();
                }
                line.append((char) (c & 0xff));
                if (line.length() > MAX_HEADER) {
                    throw new MalformedException("multipart: part header too large");
                }
            }
        }

        private boolean ensure(int n) throws IOException {
            while (end - start < n) {
                if (!fill()) {
                    return false;
                }
            }
            return true;
        }

        /** Reads more; false at the end of the body. */
        private boolean fill() throws IOException {
            if (eof) {
                return false;
            }
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            int n = in.read(buffer, end, buffer.length - end);
            if (n < 0) {
                eof = true;
                return false;
            }
            end += n;
            return true;
        }

        /**
         * Boyer-Moore-Horspool, as fast as Go's {@code bytes.Index} is on this data: a byte-by-byte scan would
         * cost the emulator about a third more CPU per byte for a multipart upload than for a raw one, and so
         * slow down exactly the clients (curl -F) that a raw upload is compared with.
         */
        private int indexOf(byte[] needle) {
            int last = needle.length - 1;
            int i = start;
            while (i <= end - needle.length) {
                int j = last;
                while (buffer[i + j] == needle[j]) {
                    if (j == 0) {
                        return i;
                    }
                    j--;
                }
                i += shift[buffer[i + last] & 0xff];
            }
            return -1;
        }
    }
}
