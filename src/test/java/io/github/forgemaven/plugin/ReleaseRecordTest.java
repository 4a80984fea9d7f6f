package io.github.forgemaven.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.forgemaven.release.ReleaseOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a release adds to the Actions job summary and to forge-deploy.json. */
class ReleaseRecordTest {

    private static final String PAGE = "https://git.example.com/acme/app/releases/tag/v1.0";
    private static final String DOWNLOAD = "https://git.example.com/acme/app/releases/download/v1.0/";

    @TempDir
    Path dir;

    private static ReleaseOutcome outcome(boolean draft) {
        return new ReleaseOutcome(
                "v1.0",
                PAGE,
                draft,
                List.of(
                        new ReleaseOutcome.Asset(
                                "app-1.0.jar", 3_000_000, "ab".repeat(32), DOWNLOAD + "app-1.0.jar", "uploaded"),
                        new ReleaseOutcome.Asset("odd|name].zip", 10, null, DOWNLOAD + "odd%7Cname%5D.zip", "kept"),
                        new ReleaseOutcome.Asset(
                                "SHA256SUMS", 158, "cd".repeat(32), DOWNLOAD + "SHA256SUMS", "replaced")));
    }

    @Test
    void theStepSummaryGetsASectionLinkingTheReleaseAndEachAsset() throws Exception {
        Path summary = dir.resolve("summary.md");
        Files.writeString(summary, "### Forge generic packages: acme/app/1.0 published\n\n");
        Path build = dir.resolve("target");

        new ReleaseRecord(new SystemStreamLog(), build, Map.of("GITHUB_STEP_SUMMARY", summary.toString()))
                .write(outcome(false));
        new ReleaseRecord(new SystemStreamLog(), build, Map.of("GITHUB_STEP_SUMMARY", summary.toString()))
                .write(outcome(true));

        String section = "| Asset | Size | Outcome |\n"
                + "| --- | ---: | --- |\n"
                + "| [app-1.0.jar](" + DOWNLOAD + "app-1.0.jar) | 2.9 MiB | uploaded |\n"
                + "| [odd\\|name\\].zip](" + DOWNLOAD + "odd%7Cname%5D.zip) | 10 B | kept |\n"
                + "| [SHA256SUMS](" + DOWNLOAD + "SHA256SUMS) | 158 B | replaced |\n\n";
        assertEquals(
                "### Forge generic packages: acme/app/1.0 published\n\n"
                        + "### Forge release: [v1.0](" + PAGE + ")\n\n" + section
                        + "### Forge release: [v1.0](" + PAGE + ") (draft)\n\n" + section,
                Files.readString(summary, StandardCharsets.UTF_8));
    }

    @Test
    void withoutAStepSummaryOnlyTheRecordIsWritten() throws Exception {
        Path build = dir.resolve("target");

        new ReleaseRecord(new SystemStreamLog(), build, Map.of()).write(outcome(false));

        String json = Files.readString(build.resolve("forge-deploy.json"), StandardCharsets.UTF_8);
        assertEquals(
                "{\n  \"outcome\": \"success\",\n  \"release\": {\"tag\": \"v1.0\", \"url\": \"" + PAGE
                        + "\", \"draft\": false, \"assets\": [\n"
                        + "      {\"name\": \"app-1.0.jar\", \"size\": 3000000, \"sha256\": \"" + "ab".repeat(32)
                        + "\", \"url\": \"" + DOWNLOAD + "app-1.0.jar\", \"outcome\": \"uploaded\"},\n"
                        + "      {\"name\": \"odd|name].zip\", \"size\": 10, \"sha256\": null, \"url\": \"" + DOWNLOAD
                        + "odd%7Cname%5D.zip\", \"outcome\": \"kept\"},\n"
                        + "      {\"name\": \"SHA256SUMS\", \"size\": 158, \"sha256\": \"" + "cd".repeat(32)
                        + "\", \"url\": \"" + DOWNLOAD + "SHA256SUMS\", \"outcome\": \"replaced\"}\n"
                        + "    ]}\n}\n",
                json);
        assertEquals(List.of("forge-deploy.json"), List.of(build.toFile().list()));
    }
}
