package io.github.forgemaven.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.registry.plan.UploadFile;
import io.github.forgemaven.release.ReleaseLog;
import java.io.PrintWriter;
import java.io.StringWriter;
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

    @Test
    void inATerminalTheLineIsRewrittenInPlaceAndBlankedBeforeAnyLogLine() {
        StringWriter screen = new StringWriter();
        SystemStreamLog logOnScreen = new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                screen.append("[INFO] ").append(content).append('\n');
            }

            @Override
            public void warn(CharSequence content) {
                screen.append("[WARNING] ").append(content).append('\n');
            }
        };
        MavenPublishLog publishLog =
                new MavenPublishLog(logOnScreen, ProgressStyle.CONSOLE, new PrintWriter(screen, true));
        URI uri = URI.create("https://h/api/packages/a/generic/b/1/big.zip");

        publishLog.progress(FILE, GIB / 2, GIB, Duration.ofSeconds(4));
        publishLog.warn("PUT failed (HTTP 503); retry 1 of 3 in 1 s");
        publishLog.progress(FILE, GIB / 4, GIB, Duration.ofSeconds(6));
        publishLog.uploaded(FILE, uri, GIB, Duration.ofSeconds(10));
        publishLog.progress(FILE, GIB, GIB, Duration.ofSeconds(10)); // a late tick of the watchdog
        publishLog.endProgress();

        String first = "Uploading big.zip: 512.0 MiB of 1.0 GiB (50 %), 128.0 MiB/s";
        String second = "Uploading big.zip: 256.0 MiB of 1.0 GiB (25 %), 42.7 MiB/s";
        assertEquals(
                "\r" + first
                        + "\r" + " ".repeat(first.length()) + "\r"
                        + "[WARNING] PUT failed (HTTP 503); retry 1 of 3 in 1 s\n"
                        + "\r" + second
                        + "\r" + " ".repeat(second.length()) + "\r"
                        + "[INFO] Uploaded big.zip (1.0 GiB in 10.00 s, 102.4 MiB/s) to " + uri + "\n",
                screen.toString());
    }

    @Test
    void aShorterProgressLineCoversTheRestOfTheLongerOne() {
        StringWriter screen = new StringWriter();
        ConsoleProgressLine line = new ConsoleProgressLine(new PrintWriter(screen, true));
        line.show("Uploading a: 10 %");
        line.show("Uploading a: 9 %");
        assertEquals("\rUploading a: 10 %\rUploading a: 9 % ", screen.toString());
    }

    @Test
    void releaseAssetsShowTheSameProgressAndALateTickAfterTheirEndShowsNothing() {
        StringWriter screen = new StringWriter();
        SystemStreamLog logOnScreen = new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                screen.append("[INFO] ").append(content).append('\n');
            }
        };
        ReleaseLog releaseLog = new MavenPublishLog(logOnScreen, ProgressStyle.CONSOLE, new PrintWriter(screen, true));

        releaseLog.progress(FILE, GIB / 2, GIB, Duration.ofSeconds(4));
        releaseLog.uploadEnded(FILE);
        releaseLog.progress(FILE, GIB, GIB, Duration.ofSeconds(8)); // a late tick of the watchdog
        releaseLog.info("Uploaded big.zip (1.0 GiB) to release v1.0.");

        String line = "Uploading big.zip: 512.0 MiB of 1.0 GiB (50 %), 128.0 MiB/s";
        assertEquals(
                "\r" + line + "\r" + " ".repeat(line.length()) + "\r"
                        + "[INFO] Uploaded big.zip (1.0 GiB) to release v1.0.\n",
                screen.toString());
    }

    @Test
    void inBatchModeReleaseAssetsGetALineEveryTenPercent() {
        ReleaseLog releaseLog = new MavenPublishLog(log, ProgressStyle.LINES);
        for (int second = 1; second <= 20; second++) {
            releaseLog.progress(FILE, GIB * second / 20, GIB, Duration.ofSeconds(second));
        }
        assertEquals(9, lines.size(), lines.toString());
        assertEquals("Uploading big.zip: 153.6 MiB of 1.0 GiB (14 %), 51.2 MiB/s", lines.get(0));
    }
}
