package io.github.forgemaven.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
        return ChunkWriter::new;
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
                long finalSize = size;
                return new Blob() {
                    @Override
                    public long size() {
                        return finalSize;
                    }

                    @Override
                    public InputStream open() {
                        throw new UnsupportedOperationException("this emulator discards uploaded content");
                    }
                };
            }
        };
    }

    /** Collects bytes into fixed-size chunks. */
    final class ChunkWriter implements Writer {
        private static final int CHUNK = 64 * 1024;
        private final List<byte[]> chunks = new ArrayList<>();
        private byte[] current = new byte[CHUNK];
        private int used;
        private long size;

        @Override
        public void write(byte[] bytes, int offset, int length) {
            while (length > 0) {
                if (used == CHUNK) {
                    chunks.add(current);
                    current = new byte[CHUNK];
                    used = 0;
                }
                int n = Math.min(length, CHUNK - used);
                System.arraycopy(bytes, offset, current, used, n);
                used += n;
                offset += n;
                length -= n;
                size += n;
            }
        }

        @Override
        public Blob finish() {
            List<byte[]> all = new ArrayList<>(chunks);
            all.add(java.util.Arrays.copyOf(current, used));
            List<byte[]> frozen = List.copyOf(all);
            long finalSize = size;
            return new Blob() {
                @Override
                public long size() {
                    return finalSize;
                }

                @Override
                public InputStream open() {
                    List<InputStream> streams = new ArrayList<>();
                    for (byte[] chunk : frozen) {
                        streams.add(new ByteArrayInputStream(chunk));
                    }
                    return new SequenceInputStream(Collections.enumeration(streams));
                }
            };
        }
    }
}
