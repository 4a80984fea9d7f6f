package io.github.forgemaven.testing.forge.release;

import io.github.forgemaven.testing.forge.Blob;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * {@code [repository.release] ALLOWED_TYPES} (releases spec §3.4): empty or {@code *}{@code /*} allows
 * everything (the default); otherwise extensions ({@code .zip}), MIME types or {@code type/*}, separated by
 * commas or {@code |}. The MIME type is sniffed from the first 1024 bytes, a few signatures of Go's
 * {@code http.DetectContentType}.
 */
final class AllowedTypes {

    private AllowedTypes() {}

    static boolean allowed(String setting, String name, Blob blob) throws IOException {
        if (allowsEverything(setting)) {
            return true;
        }
        byte[] head = new byte[0];
        if (blob != null) {
            try (InputStream in = blob.open()) {
                head = in.readNBytes(1024);
            } catch (UnsupportedOperationException e) {
                // a discarding store kept no content: only the extension can decide
            }
        }
        return matches(setting, name, sniff(head));
    }

    /** A rename: Gitea checks the new name against an empty buffer. */
    static boolean allowedByName(String setting, String name) {
        return allowsEverything(setting) || matches(setting, name, sniff(new byte[0]));
    }

    private static boolean allowsEverything(String setting) {
        String trimmed = setting.trim();
        return trimmed.isEmpty() || trimmed.contains("*/*");
    }

    private static boolean matches(String setting, String name, String mime) {
        String lowerName = name.toLowerCase(Locale.ROOT);
        String type = mime.split(";")[0].trim();
        for (String entry : setting.split("[,|]")) {
            String allowed = entry.trim().toLowerCase(Locale.ROOT);
            if (allowed.isEmpty()) {
                continue;
            }
            if (allowed.startsWith(".") && lowerName.endsWith(allowed)) {
                return true;
            }
            if (allowed.endsWith("/*") && type.startsWith(allowed.substring(0, allowed.length() - 1))) {
                return true;
            }
            if (allowed.equals(type)) {
                return true;
            }
        }
        return false;
    }

    static String sniff(byte[] head) {
        if (startsWith(head, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (startsWith(head, 'P', 'K', 3, 4)) {
            return "application/zip";
        }
        if (startsWith(head, 0x1f, 0x8b, 8)) {
            return "application/x-gzip";
        }
        if (startsWith(head, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        for (byte b : head) {
            int c = b & 0xff;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0c && c != 0x1b) {
                return "application/octet-stream";
            }
        }
        return "text/plain; charset=utf-8";
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
