package io.github.forgemaven.testing.forge.release;

import io.github.forgemaven.testing.forge.Blob;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * An asset of a release at one moment: an uploaded file (size, sha256, content) or, on Forgejo v9+, an
 * external link ({@code externalUrl} set, size 0, no content).
 */
public record ReleaseAsset(
        long id,
        String uuid,
        String name,
        long size,
        String sha256,
        String externalUrl,
        long downloadCount,
        Instant created,
        Blob blob) {

    public boolean external() {
        return externalUrl != null;
    }

    /** The whole content; for tests, so it loads everything into memory. */
    public byte[] bytes() {
        if (blob == null) {
            throw new IllegalStateException(name + " is an external asset: " + externalUrl);
        }
        try (InputStream in = blob.open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
