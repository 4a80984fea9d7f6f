package io.github.forgemaven.testing.forge;

import java.io.IOException;
import java.io.InputStream;

/** Where uploaded content goes; a seam so that benchmarks can discard content or spill it to disk. */
public interface BlobStore {

    /** Receives one upload while it streams in. */
    interface Writer {
        void write(byte[] bytes, int offset, int length) throws IOException;

        Blob finish() throws IOException;
    }

    Writer newBlob();

    /** Keeps content in memory, in 64 KiB chunks so that blobs over 2 GiB still fit. */
    static BlobStore inMemory() {
        return ChunkedBlobWriter::new;
    }

    /**
     * Keeps the content of blobs up to {@code maxKeptBytes} (such as the checksum file a release re-run
     * downloads) and only the size of bigger ones, whose {@link Blob#open()} then fails. For benchmarks that
     * push gigabytes and read back small files.
     */
    static BlobStore keepingSmall(int maxKeptBytes) {
        return () -> new Writer() {
            private ChunkedBlobWriter small = new ChunkedBlobWriter();
            private long size;

            @Override
            public void write(byte[] bytes, int offset, int length) {
                size += length;
                if (small != null && size > maxKeptBytes) {
                    small = null;
                }
                if (small != null) {
                    small.write(bytes, offset, length);
                }
            }

            @Override
            public Blob finish() {
                return small != null ? small.finish() : discarded(size);
            }
        };
    }

    /** Keeps only the size; {@link Blob#open()} then fails. For benchmarks that push gigabytes. */
    static BlobStore discarding() {
        return () -> new Writer() {
            private long size;

            @Override
            public void write(byte[] bytes, int offset, int length) {
                size += length;
            }

            @Override
            public Blob finish() {
                return discarded(size);
            }
        };
    }

    private static Blob discarded(long size) {
        return new Blob() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open() {
                throw new UnsupportedOperationException("this emulator discards uploaded content");
            }
        };
    }
}
