package io.github.forgemaven.registry.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The size and SHA-256 of some content: what the registry reports for each stored file, and how
 * a local file is compared with it.
 *
 * @param size the number of bytes
 * @param sha256 the lowercase hex SHA-256
 */
public record Fingerprint(long size, String sha256) {

    /** Reads a file once to fingerprint it. */
    public static Fingerprint of(Path file) throws IOException {
        MessageDigest digest = newSha256();
        long size = 0;
        byte[] buffer = new byte[256 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                size += n;
            }
        }
        return new Fingerprint(size, hex(digest));
    }

    /** Whether both describe the same content. */
    public boolean matches(Fingerprint other) {
        return other != null && size == other.size && sha256.equalsIgnoreCase(other.sha256);
    }

    /** The first 12 hex digits, for log lines. */
    public String shortSha256() {
        return sha256.length() > 12 ? sha256.substring(0, 12) : sha256;
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
