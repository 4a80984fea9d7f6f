package io.github.forgemaven.plugin;

import io.github.forgemaven.registry.DeployRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.apache.maven.plugin.logging.Log;

/**
 * Tells the user and the pipeline what a run did: a table in the log, {@code forge-deploy.json} in
 * the build directory, and a Markdown table appended to {@code $GITHUB_STEP_SUMMARY} where the CI
 * runner provides one (GitHub Actions, and Forgejo and Gitea runners that offer it).
 */
final class DeployReports {

    static final String RECORD_FILE = "forge-deploy.json";
    static final String STEP_SUMMARY_VARIABLE = "GITHUB_STEP_SUMMARY";

    private final Log log;
    private final Path buildDirectory;
    private final Map<String, String> environment;

    DeployReports(Log log, Path buildDirectory, Map<String, String> environment) {
        this.log = log;
        this.buildDirectory = buildDirectory;
        this.environment = environment;
    }

    void write(DeployRecord record) {
        if (record.files().isEmpty()) {
            return;
        }
        record.table().forEach(log::info);
        Path json = buildDirectory.resolve(RECORD_FILE);
        try {
            Files.createDirectories(buildDirectory);
            Files.writeString(json, record.toJson(), StandardCharsets.UTF_8);
            log.info("Wrote " + json + ".");
        } catch (IOException e) {
            log.warn("Could not write " + json + ": " + e);
        }
        String summary = environment.get(STEP_SUMMARY_VARIABLE);
        if (summary != null && !summary.isBlank()) {
            try {
                Files.writeString(
                        Path.of(summary),
                        record.toMarkdown(),
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                log.warn("Could not append to the job summary " + summary + ": " + e);
            }
        }
    }
}
