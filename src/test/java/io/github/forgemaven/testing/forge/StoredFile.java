package io.github.forgemaven.testing.forge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/** A file in a package version; {@code name} keeps the spelling of the upload, hashes are lowercase hex. */
public record StoredFile(
        long id,
        String name,
        long size,
        String md5,
        String sha1,
        String sha256,
        String sha512,
        Instant created,
        Blob blob) {

    /** The whole content; for tests, so it loads everything into memory. */
    public byte[] bytes() {
        try (InputStream in = blob.open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
