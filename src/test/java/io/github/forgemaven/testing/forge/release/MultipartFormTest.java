package io.github.forgemaven.testing.forge.release;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.forgemaven.testing.forge.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartFormTest {

    private static final String BOUNDARY = "------------------------d74496d66958873e";

    @Test
    void findsTheDelimiterAcrossBufferFillsAndNotInNearMisses() throws IOException {
        // Three buffers' worth, sprinkled with near misses of the delimiter: one byte short, one byte wrong
        // at either end, and the boundary's own tail, around the 64 KiB buffer edges.
        byte[] content = new byte[3 * 64 * 1024 + 123];
        new Random(7).nextBytes(content);
        byte[] delimiter = ("\r\n--" + BOUNDARY).getBytes(StandardCharsets.ISO_8859_1);
        int[] positions = {0, 1000, 64 * 1024 - 20, 64 * 1024 - 1, 2 * 64 * 1024 - 40, content.length - 60};
        for (int n = 0; n < positions.length; n++) {
            byte[] miss = delimiter.clone();
            switch (n % 3) {
                case 0 -> miss[miss.length - 1] ^= 1;
                case 1 -> miss[0] = '\n';
                default -> miss = Arrays.copyOf(miss, miss.length - 1);
            }
            System.arraycopy(miss, 0, content, positions[n], Math.min(miss.length, content.length - positions[n]));
        }
        byte[] body = body(content);

        for (int chunk : new int[] {1, 7, 8192, Integer.MAX_VALUE}) {
            MultipartForm.Form form = MultipartForm.parse(
                    "multipart/form-data; boundary=" + BOUNDARY,
                    trickle(body, chunk),
                    "attachment",
                    BlobStore.inMemory());
            byte[] stored;
            try (InputStream in = form.file().orElseThrow().blob().open()) {
                stored = in.readAllBytes();
            }
            assertArrayEquals(content, stored, "reads of " + chunk + " bytes");
            assertEquals("app.bin", form.file().get().fileName());
            assertEquals(List.of("renamed.bin"), form.values().get("name"));
        }
    }

    @Test
    void aBodyWithoutItsClosingDelimiterIsMalformed() {
        byte[] body = body(new byte[] {1, 2, 3});
        byte[] cut = Arrays.copyOf(body, body.length - BOUNDARY.length() - 8);
        assertThrows(
                MultipartForm.MalformedException.class,
                () -> MultipartForm.parse(
                        "multipart/form-data; boundary=" + BOUNDARY,
                        new ByteArrayInputStream(cut),
                        "attachment",
                        BlobStore.inMemory()));
    }

    private static byte[] body(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"attachment\";"
                        + " filename=\"app.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nrenamed.bin"
                        + "\r\n--" + BOUNDARY + "--\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** A body that arrives at most {@code chunk} bytes a read, as over a slow connection. */
    private static InputStream trickle(byte[] body, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(body)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }
}
