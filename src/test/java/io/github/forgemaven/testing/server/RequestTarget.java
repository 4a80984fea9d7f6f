package io.github.forgemaven.testing.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The path and query of a request-target, normalised as Gitea's router does (spec §2 step 0): trailing
 * slash stripped, {@code //} collapsed, routed on the escaped path and each segment unescaped once.
 */
public record RequestTarget(List<String> rawSegments, Map<String, List<String>> query) {

    public static RequestTarget parse(String rawTarget) {
        String target = stripSchemeAndAuthority(rawTarget);
        int questionMark = target.indexOf('?');
        String path = questionMark < 0 ? target : target.substring(0, questionMark);
        String rawQuery = questionMark < 0 ? "" : target.substring(questionMark + 1);
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return new RequestTarget(List.copyOf(segments), parseForm(rawQuery));
    }

    /** Go's url.ParseRequestURI rejects bad percent escapes in the path before any handler runs. */
    static boolean isValid(String rawTarget) {
        String target = stripSchemeAndAuthority(rawTarget);
        if (!target.startsWith("/") && !target.equals("*")) {
            return false;
        }
        int questionMark = target.indexOf('?');
        return unescape(questionMark < 0 ? target : target.substring(0, questionMark), false) != null;
    }

    public int size() {
        return rawSegments.size();
    }

    public String raw(int index) {
        return rawSegments.get(index);
    }

    /** The segment unescaped once; like Gitea in production, an undecodable segment becomes empty. */
    public String param(int index) {
        String value = unescape(rawSegments.get(index), false);
        return value == null ? "" : value;
    }

    public boolean startsWith(String... prefix) {
        if (rawSegments.size() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (!rawSegments.get(i).equals(prefix[i])) {
                return false;
            }
        }
        return true;
    }

    public boolean is(String... segments) {
        return rawSegments.size() == segments.length && startsWith(segments);
    }

    public String firstQueryValue(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    /** Parses application/x-www-form-urlencoded pairs, skipping pairs that do not decode (as Go does). */
    public static Map<String, List<String>> parseForm(String encoded) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String pair : encoded.split("[&]")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = unescape(equals < 0 ? pair : pair.substring(0, equals), true);
            String value = unescape(equals < 0 ? "" : pair.substring(equals + 1), true);
            if (key != null && value != null) {
                result.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        }
        return result;
    }

    /**
     * Percent-decodes into UTF-8; null when an escape is malformed. The input holds one char per wire byte
     * (the request head is read as ISO-8859-1), so raw non-ASCII bytes decode as UTF-8 too.
     */
    static String unescape(String s, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    return null;
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                bytes.write((byte) c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String stripSchemeAndAuthority(String target) {
        int scheme = target.indexOf("://");
        if (scheme > 0 && !target.startsWith("/")) {
            int slash = target.indexOf('/', scheme + 3);
            return slash < 0 ? "/" : target.substring(slash);
        }
        return target;
    }
}
