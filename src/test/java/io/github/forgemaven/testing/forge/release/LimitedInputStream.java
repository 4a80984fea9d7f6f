package io.github.forgemaven.testing.forge.release;

import java.io.IOException;
import java.io.InputStream;

/** Go's {@code http.MaxBytesReader}: fails once more than {@code limit} bytes arrive; negative means no limit. */
final class LimitedInputStream extends InputStream {

    static final class LimitExceeded extends IOException {
        LimitExceeded() {
            super("http: request body too large");
        }
    }

    private final InputStream in;
    private final long limit;
    private long read;

    LimitedInputStream(InputStream in, long limit) {
        this.in = in;
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            read += n;
            if (limit >= 0 && read > limit) {
                throw new LimitExceeded();
            }
        }
        return n;
    }
}
