package io.github.forgemaven.plugin;

import io.github.forgemaven.release.ReleaseOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.apache.maven.plugin.logging.Log;

/**
 * Adds the release to what the pipeline reads: a {@code release} member in {@code forge-deploy.json}
 * (beside the files {@code deploy-generic} recorded, if it ran), and a section of the
 * {@code $GITHUB_STEP_SUMMARY}.
 */
final class ReleaseRecord {

    private static final String MEMBER = ",\n  \"release\": ";

    private final Log log;
    private final Path buildDirectory;
    private final Map<String, String> environment;

    ReleaseRecord(Log log, Path buildDirectory, Map<String, String> environment) {
        this.log = log;
        this.buildDirectory = buildDirectory;
        this.environment = environment;
    }

    void write(ReleaseOutcome outcome) {
        Path json = buildDirectory.resolve(DeployReports.RECORD_FILE);
        try {
            Files.createDirectories(buildDirectory);
            String existing = Files.isRegularFile(json)
                    ? Files.readString(json, StandardCharsets.UTF_8).strip()
                    : "";
            String head;
            if (existing.startsWith("{") && existing.endsWith("}")) {
                head = existing.substring(0, existing.length() - 1).stripTrailing();
                int previous = head.indexOf(MEMBER);
                if (previous >= 0) {
                    head = head.substring(0, previous);
                }
            } else {
                head = "{\n  \"outcome\": \"success\"";
            }
            Files.writeString(json, head + MEMBER + outcome.toJson() + "\n}\n", StandardCharsets.UTF_8);
            log.info("Wrote " + json + ".");
        } catch (IOException e) {
            log.warn("Could not write " + json + ": " + e);
        }
        String summary = environment.get(DeployReports.STEP_SUMMARY_VARIABLE);
        if (summary != null && !summary.isBlank()) {
            try {
                Files.writeString(
                        Path.of(summary),
                        outcome.toMarkdown(),
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                log.warn("Could not append to the job summary " + summary + ": " + e);
            }
        }
    }
}
