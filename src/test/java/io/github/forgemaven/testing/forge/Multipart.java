package io.github.forgemaven.testing.forge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Just enough multipart/form-data to do what Gitea's UploadStream does: take the first file part. */
final class Multipart {

    private Multipart() {}

    /**
     * The content of the first part that has a filename. Empty (a 500 on the servers) when the boundary is
     * missing, which is noticed before reading the body, or when no file part arrives.
     */
    static Optional<byte[]> firstFile(String contentType, InputStream body) throws IOException {
        String boundary = boundary(contentType);
        if (boundary == null) {
            return Optional.empty();
        }
        byte[] bytes = body.readAllBytes();
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        String opening = "--" + boundary;
        int position = indexOf(bytes, opening.getBytes(StandardCharsets.ISO_8859_1), 0);
        if (position < 0) {
            return Optional.empty();
        }
        position += opening.length();
        while (position + 2 <= bytes.length && !(bytes[position] == '-' && bytes[position + 1] == '-')) {
            int headersStart = position + 2;
            int headersEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) {
                return Optional.empty();
            }
            String headers = new String(bytes, headersStart, headersEnd - headersStart, StandardCharsets.ISO_8859_1);
            int contentStart = headersEnd + 4;
            int contentEnd = indexOf(bytes, delimiter, contentStart);
            if (contentEnd < 0) {
                return Optional.empty();
            }
            if (hasFileName(headers)) {
                byte[] content = new byte[contentEnd - contentStart];
                System.arraycopy(bytes, contentStart, content, 0, content.length);
                return Optional.of(content);
            }
            position = contentEnd + delimiter.length;
        }
        return Optional.empty();
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
                String value = parameter.substring(equals + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static boolean hasFileName(String headers) {
        for (String line : headers.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-disposition:") && lower.matches(".*;\\s*filename\\*?=\\s*\"?[^\";\\s].*")) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
