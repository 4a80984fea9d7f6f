package io.github.forgemaven.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.forgemaven.testing.forge.Blob;
import io.github.forgemaven.testing.forge.BlobStore;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BlobStoreTest {

    @Test
    void keepingSmallKeepsContentUpToTheLimitAndOnlyTheSizeOfBiggerBlobs() throws Exception {
        BlobStore store = BlobStore.keepingSmall(4);

        BlobStore.Writer small = store.newBlob();
        small.write(new byte[] {1, 2}, 0, 2);
        small.write(new byte[] {9, 3, 4}, 1, 2);
        Blob kept = small.finish();
        assertEquals(4, kept.size());
        try (InputStream in = kept.open()) {
            assertArrayEquals(new byte[] {1, 2, 3, 4}, in.readAllBytes());
        }

        BlobStore.Writer big = store.newBlob();
        big.write(new byte[] {1, 2, 3}, 0, 3);
        big.write(new byte[] {4, 5}, 0, 2);
        big.write(new byte[] {6}, 0, 1);
        Blob discarded = big.finish();
        assertEquals(6, discarded.size());
        assertThrows(UnsupportedOperationException.class, discarded::open);
    }
}
