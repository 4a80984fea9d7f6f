package io.github.forgemaven.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.registry.UploadFile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/** Progress and per-file lines as Maven users see them. */
class MavenPublishLogTest {

    private static final UploadFile FILE = new UploadFile("big.zip", Path.of("big.zip"), "attached zip");
    private static final long GIB = 1L << 30;

    private final List<String> lines = new ArrayList<>();
    private final SystemStreamLog log = new SystemStreamLog() {
        @Override
        public void info(CharSequence content) {
            lines.add(content.toString());
        }
    };

    @Test
    void batchModeLogsALineEveryTenPercentOnceTheUploadTakesAWhile() {
        MavenPublishLog publishLog = new MavenPublishLog(log, ProgressStyle.LINES);
        for (int second = 1; second <= 20; second++) {
            long sent = GIB * second / 20;
            publishLog.progress(FILE, sent, GIB, Duration.ofSeconds(second));
        }
        assertEquals(9, lines.size(), lines.toString());
        assertEquals("Uploading big.zip: 153.6 MiB of 1.0 GiB (14 %), 51.2 MiB/s", lines.get(0));
        assertTrue(lines.get(8).startsWith("Uploading big.zip: 972.8 MiB of 1.0 GiB (94 %)"), lines.get(8));
    }

    @Test
    void quickUploadsAndQuietBuildsShowNoProgress() {
        new MavenPublishLog(log, ProgressStyle.LINES).progress(FILE, GIB / 2, GIB, Duration.ofSeconds(1));
        MavenPublishLog quiet = new MavenPublishLog(log, ProgressStyle.QUIET);
        quiet.progress(FILE, GIB / 2, GIB, Duration.ofSeconds(30));
        assertEquals(List.of(), lines);
    }

    @Test
    void theFinalLineGivesSizeTimeAndThroughput() {
        new MavenPublishLog(log, ProgressStyle.QUIET)
                .uploaded(FILE, URI.create("https://h/api/packages/a/generic/b/1/big.zip"), GIB, Duration.ofSeconds(4));
        assertEquals(
                List.of(
                        "Uploaded big.zip (1.0 GiB in 4.00 s, 256.0 MiB/s) to https://h/api/packages/a/generic/b/1/big.zip"),
                lines);
    }
}
