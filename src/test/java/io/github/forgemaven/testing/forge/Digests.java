package io.github.forgemaven.testing.forge;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Size and lowercase-hex hashes of one upload, as Gitea's hashed buffer computes them while copying. */
public record Digests(long size, String md5, String sha1, String sha256, String sha512) {

    /** Hashes everything while it streams into the writer, in 64 KiB steps. */
    public static Digests copy(InputStream in, BlobStore.Writer writer) throws IOException {
        MessageDigest md5 = digest("MD5");
        MessageDigest sha1 = digest("SHA-1");
        MessageDigest sha256 = digest("SHA-256");
        MessageDigest sha512 = digest("SHA-512");
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        int n;
        while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
            md5.update(buffer, 0, n);
            sha1.update(buffer, 0, n);
            sha256.update(buffer, 0, n);
            sha512.update(buffer, 0, n);
            writer.write(buffer, 0, n);
            size += n;
        }
        HexFormat hex = HexFormat.of();
        return new Digests(
                size,
                hex.formatHex(md5.digest()),
                hex.formatHex(sha1.digest()),
                hex.formatHex(sha256.digest()),
                hex.formatHex(sha512.digest()));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }
}
