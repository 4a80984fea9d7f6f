package io.github.forgemaven.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * A file streamed from disk as a request body, fingerprinted on the way, so that what the server
 * stored can be checked against what was sent without reading the file a second time.
 */
final class HashingFileEntity extends AbstractHttpEntity {

    static final int BUFFER_SIZE = 256 * 1024;

    private final Path file;
    private final long length;
    private final AtomicLong sent = new AtomicLong();
    private volatile Fingerprint fingerprint;

    HashingFileEntity(Path file, long length) {
        super(ContentType.APPLICATION_OCTET_STREAM, null);
        this.file = file;
        this.length = length;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        MessageDigest digest = Fingerprint.newSha256();
        byte[] buffer = new byte[BUFFER_SIZE];
        long total = 0;
        sent.set(0);
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
                total += n;
                sent.set(total);
            }
        }
        out.flush();
        if (total != length) {
            throw new IOException(file + " changed while it was uploaded (" + length + " bytes expected, " + total
                    + " read): do not rebuild files during the upload");
        }
        fingerprint = new Fingerprint(total, Fingerprint.hex(digest));
    }

    /** Bytes handed to the connection so far. */
    long sent() {
        return sent.get();
    }

    /** The fingerprint of what was sent, or {@code null} if the body was not sent whole. */
    Fingerprint fingerprint() {
        return fingerprint;
    }

    @Override
    public InputStream getContent() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public long getContentLength() {
        return length;
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public void close() {}
}
