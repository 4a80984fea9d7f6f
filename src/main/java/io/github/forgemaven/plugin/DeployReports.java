package io.github.forgemaven.plugin;

import io.github.forgemaven.registry.DeployRecord;
import io.github.forgemaven.registry.PublishedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.logging.Log;

/**
 * Tells the user and the pipeline what a run did: a table in the log, {@code forge-deploy.json} in
 * the build directory, and a Markdown table appended to {@code $GITHUB_STEP_SUMMARY} where the CI
 * runner provides one (GitHub Actions, and Forgejo and Gitea runners that offer it). In a multi-module
 * build, the top-level project's build directory also gets the whole build's {@code forge-deploy.json}:
 * every module's files so far, and {@code success} only while every module's run succeeded.
 */
final class DeployReports {

    static final String RECORD_FILE = "forge-deploy.json";
    static final String STEP_SUMMARY_VARIABLE = "GITHUB_STEP_SUMMARY";
    private static final String BUILD_RECORD = DeployReports.class.getName() + ".buildRecord";

    private final Log log;
    private final Path buildDirectory;
    private final Path topLevelDirectory;
    private final Map<String, Object> buildContext;
    private final Map<String, String> environment;

    /**
     * @param buildDirectory this module's build directory
     * @param topLevelDirectory the top-level project's build directory (the same in a single-module build)
     * @param buildContext a map that lives as long as the build and is shared by its modules (the top-level
     *     project's plugin context), where the whole build's record grows
     */
    DeployReports(
            Log log,
            Path buildDirectory,
            Path topLevelDirectory,
            Map<String, Object> buildContext,
            Map<String, String> environment) {
        this.log = log;
        this.buildDirectory = buildDirectory;
        this.topLevelDirectory = topLevelDirectory;
        this.buildContext = buildContext;
        this.environment = environment;
    }

    /**
     * Reports one run.
     *
     * @param versions the package versions of the run, e.g. {@code acme/app/1.0}, for the job summary heading
     */
    void write(DeployRecord record, List<String> versions) {
        if (record.files().isEmpty()) {
            return;
        }
        record.table().forEach(log::info);
        writeJson(buildDirectory.resolve(RECORD_FILE), record, "");
        if (!topLevelDirectory
                .toAbsolutePath()
                .normalize()
                .equals(buildDirectory.toAbsolutePath().normalize())) {
            DeployRecord build = addToBuild(record);
            writeJson(
                    topLevelDirectory.resolve(RECORD_FILE),
                    build,
                    " (the whole build so far: " + build.files().size() + " file(s))");
        }
        String summary = environment.get(STEP_SUMMARY_VARIABLE);
        if (summary != null && !summary.isBlank()) {
            try {
                Files.writeString(
                        Path.of(summary),
                        record.toMarkdown(versions),
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                log.warn("Could not append to the job summary " + summary + ": " + e);
            }
        }
    }

    private DeployRecord addToBuild(DeployRecord record) {
        synchronized (buildContext) {
            DeployRecord before = (DeployRecord) buildContext.get(BUILD_RECORD);
            List<PublishedFile> files = new ArrayList<>();
            if (before != null) {
                files.addAll(before.files());
            }
            files.addAll(record.files());
            DeployRecord build = new DeployRecord(files, record.success() && (before == null || before.success()));
            buildContext.put(BUILD_RECORD, build);
            return build;
        }
    }

    private void writeJson(Path json, DeployRecord record, String what) {
        try {
            Files.createDirectories(json.getParent());
            Files.writeString(json, record.toJson(), StandardCharsets.UTF_8);
            log.info("Wrote " + json + what + ".");
        } catch (IOException e) {
            log.warn("Could not write " + json + ": " + e);
        }
    }
}
