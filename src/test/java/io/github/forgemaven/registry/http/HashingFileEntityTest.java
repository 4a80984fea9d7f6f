package io.github.forgemaven.registry.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The request body: bytes written as on disk, and a fingerprint of them, with the hashing on another thread. */
class HashingFileEntityTest {

    private static final int CHUNK = HashingFileEntity.BUFFER_SIZE;

    @TempDir
    Path dir;

    private final ExecutorService executor = Executors.newCachedThreadPool();

    /** Hashes late, so that a buffer refilled before its chunk was hashed would show as a wrong digest. */
    private final Executor slowHashing = task -> executor.execute(() -> {
        LockSupport.parkNanos(2_000_000);
        task.run();
    });

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + CHUNK / 2})
    void writesTheFileAsItIsAndFingerprintsExactlyThat(int size) throws IOException {
        Path file = randomFile(size);
        HashingFileEntity entity = new HashingFileEntity(file, size, slowHashing);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        entity.writeTo(out);

        assertArrayEquals(Files.readAllBytes(file), out.toByteArray());
        assertEquals(Fingerprint.of(file), entity.fingerprint());
        assertEquals(size, entity.sent());
    }

    @Test
    void aFileThatChangedSizeSinceItWasPlannedFailsWithoutAFingerprint() throws IOException {
        Path file = randomFile(2 * CHUNK);
        HashingFileEntity entity = new HashingFileEntity(file, 3 * CHUNK, slowHashing);

        IOException e = assertThrows(IOException.class, () -> entity.writeTo(new ByteArrayOutputStream()));

        assertTrue(e.getMessage().contains("changed while it was uploaded"), e.getMessage());
        assertNull(entity.fingerprint());
    }

    @Test
    void aConnectionThatBreaksMidBodyFailsTheWriteWithoutAFingerprint() throws IOException {
        Path file = randomFile(4 * CHUNK);
        HashingFileEntity entity = new HashingFileEntity(file, 4 * CHUNK, slowHashing);
        OutputStream breaksAfterTwoChunks = new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (written + len > 2L * CHUNK) {
                    throw new IOException("Connection reset");
                }
                written += len;
            }
        };

        IOException e = assertThrows(IOException.class, () -> entity.writeTo(breaksAfterTwoChunks));

        assertEquals("Connection reset", e.getMessage());
        assertNull(entity.fingerprint());
        assertEquals(2L * CHUNK, entity.sent());
    }

    private Path randomFile(int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(dir.resolve("f-" + size + ".bin"), bytes);
    }
}
