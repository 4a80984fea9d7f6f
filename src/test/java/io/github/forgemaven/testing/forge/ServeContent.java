package io.github.forgemaven.testing.forge;

import io.github.forgemaven.testing.server.Response;
import io.github.forgemaven.testing.server.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Go's {@code http.ServeContent}, which the servers' downloads go through (spec §5): the conditional
 * headers of RFC 9110 §13 in Go's order (If-Match, If-Unmodified-Since, If-None-Match, If-Modified-Since,
 * If-Range; there is no ETag), then {@code Range}: one range gives 206 with {@code Content-Range}, several a
 * {@code multipart/byteranges} body, none that overlaps the file 416. Always {@code Accept-Ranges: bytes}.
 */
final class ServeContent {

    private record ByteRange(long start, long length) {
        String contentRange(long size) {
            return "bytes " + start + "-" + (start + length - 1) + "/" + size;
        }
    }

    private static final class InvalidRange extends Exception {
        InvalidRange(String message) {
            super(message);
        }
    }

    private ServeContent() {}

    static Response serve(ServerRequest request, Map<String, String> headers, StoredFile file) {
        Instant modified = file.created().truncatedTo(ChronoUnit.SECONDS);
        boolean getOrHead = request.method().equals("GET") || request.method().equals("HEAD");
        String ifMatch = request.header("If-Match");
        boolean preconditionFailed = ifMatch != null && !ifMatch.isEmpty()
                ? !ifMatch.trim().equals("*")
                : isAfter(modified, request.header("If-Unmodified-Since"));
        if (preconditionFailed) {
            return new Response(412, headers, 0, out -> {});
        }
        String ifNoneMatch = request.header("If-None-Match");
        boolean notModified = ifNoneMatch != null && !ifNoneMatch.isEmpty()
                ? ifNoneMatch.trim().startsWith("*")
                : getOrHead && notAfter(modified, request.header("If-Modified-Since"));
        if (notModified) {
            Map<String, String> kept = new LinkedHashMap<>(headers);
            kept.remove("Content-Type");
            return new Response(304, kept, 0, out -> {});
        }
        String range = request.header("Range");
        String ifRange = request.header("If-Range");
        if (range != null && getOrHead && ifRange != null && !ifRange.isEmpty()) {
            Instant date = parseDate(ifRange);
            if (date == null || !date.equals(modified)) {
                range = null;
            }
        }
        long size = file.size();
        List<ByteRange> ranges;
        try {
            ranges = parseRange(range, size);
        } catch (InvalidRange e) {
            boolean noOverlap = e.getMessage().endsWith("failed to overlap");
            if (noOverlap && size == 0) {
                // Go ignores a Range on an empty file and answers 200 rather than 416
                ranges = List.of();
            } else {
                Map<String, String> error = new LinkedHashMap<>(headers);
                if (noOverlap) {
                    error.put("Content-Range", "bytes */" + size);
                }
                error.put("Content-Type", "text/plain; charset=utf-8");
                error.put("X-Content-Type-Options", "nosniff");
                return Response.bytes(416, error, (e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        if (ranges.stream().mapToLong(ByteRange::length).sum() > size) {
            ranges = List.of();
        }
        Map<String, String> reply = new LinkedHashMap<>(headers);
        reply.put("Accept-Ranges", "bytes");
        if (ranges.isEmpty()) {
            return new Response(200, reply, size, out -> copy(file, 0, size, out));
        }
        if (ranges.size() == 1) {
            ByteRange only = ranges.get(0);
            reply.put("Content-Range", only.contentRange(size));
            return new Response(206, reply, only.length(), out -> copy(file, only.start(), only.length(), out));
        }
        String boundary = HexFormat.of().formatHex(randomBytes());
        String partType = headers.getOrDefault("Content-Type", "application/octet-stream");
        List<byte[]> partHeads = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < ranges.size(); i++) {
            ByteRange r = ranges.get(i);
            byte[] head = ((i == 0 ? "" : "\r\n") + "--" + boundary + "\r\nContent-Range: " + r.contentRange(size)
                            + "\r\nContent-Type: " + partType + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            partHeads.add(head);
            total += head.length + r.length();
        }
        byte[] closing = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        total += closing.length;
        reply.put("Content-Type", "multipart/byteranges; boundary=" + boundary);
        List<ByteRange> parts = ranges;
        return new Response(206, reply, total, out -> {
            for (int i = 0; i < parts.size(); i++) {
                out.write(partHeads.get(i));
                copy(file, parts.get(i).start(), parts.get(i).length(), out);
            }
            out.write(closing);
        });
    }

    /** Go's parseRange; an empty list means the whole file. */
    private static List<ByteRange> parseRange(String header, long size) throws InvalidRange {
        if (header == null || header.isEmpty()) {
            return List.of();
        }
        if (!header.startsWith("bytes=")) {
            throw new InvalidRange("invalid range");
        }
        List<ByteRange> ranges = new ArrayList<>();
        boolean noOverlap = false;
        for (String spec : header.substring("bytes=".length()).split(",", -1)) {
            spec = spec.trim();
            if (spec.isEmpty()) {
                continue;
            }
            int dash = spec.indexOf('-');
            if (dash < 0) {
                throw new InvalidRange("invalid range");
            }
            String start = spec.substring(0, dash).trim();
            String end = spec.substring(dash + 1).trim();
            if (start.isEmpty()) {
                if (end.isEmpty() || end.startsWith("-")) {
                    throw new InvalidRange("invalid range");
                }
                long suffix = Math.min(number(end), size);
                ranges.add(new ByteRange(size - suffix, suffix));
                continue;
            }
            long first = number(start);
            if (first >= size) {
                noOverlap = true;
                continue;
            }
            long last = end.isEmpty() ? size - 1 : number(end);
            if (first > last) {
                throw new InvalidRange("invalid range");
            }
            last = Math.min(last, size - 1);
            ranges.add(new ByteRange(first, last - first + 1));
        }
        if (noOverlap && ranges.isEmpty()) {
            throw new InvalidRange("invalid range: failed to overlap");
        }
        return ranges;
    }

    private static long number(String digits) throws InvalidRange {
        try {
            long value = Long.parseLong(digits);
            if (value < 0) {
                throw new InvalidRange("invalid range");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidRange("invalid range");
        }
    }

    /** True when the date header parses and the file is newer: If-Unmodified-Since fails. */
    private static boolean isAfter(Instant modified, String header) {
        Instant date = parseDate(header);
        return date != null && modified.isAfter(date);
    }

    /** True when the date header parses and the file is not newer: If-Modified-Since gives 304. */
    private static boolean notAfter(Instant modified, String header) {
        Instant date = parseDate(header);
        return date != null && !modified.isAfter(date);
    }

    /** http.ParseTime in its first form (RFC 1123 with GMT); the obsolete RFC 850 and asctime forms are not read. */
    private static Instant parseDate(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void copy(StoredFile file, long start, long length, OutputStream out) throws IOException {
        try (InputStream in = file.blob().open()) {
            in.skipNBytes(start);
            byte[] buffer = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("blob ended early");
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[30];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
