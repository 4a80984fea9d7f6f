package io.github.forgemaven.testing.forge;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Collects an upload in fixed-size chunks: no array re-copying as it grows, and no 2 GiB array limit. */
final class ChunkedBlobWriter implements BlobStore.Writer {

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
        all.add(Arrays.copyOf(current, used));
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
