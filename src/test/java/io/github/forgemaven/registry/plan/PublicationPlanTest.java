package io.github.forgemaven.registry.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicationPlanTest {

    @TempDir
    Path dir;

    private static final PublicationPlan.Settings GOOD =
            new PublicationPlan.Settings("https://codeberg.org/", "acme", "app", "1.0");

    @Test
    void aValidPlanKeepsTheFilesInOrderAndNormalisesTheUrl() throws Exception {
        List<UploadFile> files =
                List.of(file("app-1.0.jar", "main artifact"), file("app-1.0-sources.jar", "attached sources jar"));
        PublicationPlan plan = PublicationPlan.of(GOOD, files);
        assertEquals(
                files.stream().map(UploadFile::path).toList(),
                plan.files().stream().map(UploadFile::path).toList());
        // The plan reads each size once; nothing after it goes back to the disk for it.
        assertEquals(
                List.of(7L, 7L), plan.files().stream().map(UploadFile::size).toList());
        assertEquals(
                "https://codeberg.org/api/packages/acme/generic/app/1.0/app-1.0.jar",
                plan.target().fileUri("app-1.0.jar").toString());
        assertEquals(2 * "content".length(), plan.totalBytes());
    }

    @Test
    void reportsEveryProblemAtOnceNamingSettingValueAndRule() throws Exception {
        List<UploadFile> files = List.of(
                file("app-1.0.jar", "main artifact"),
                new UploadFile("app-1.0.zip", dir.resolve("missing.zip"), "attached zip"),
                new UploadFile("bad|name.jar", dir.resolve("app-1.0.jar"), "attached weird jar"),
                new UploadFile("APP-1.0.JAR", dir.resolve("app-1.0.jar"), "attached upper jar"),
                new UploadFile("dir.bin", dir, "attached bin"));
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> PublicationPlan.of(
                        new PublicationPlan.Settings("https://codeberg.org/api/v1", "ac me", "my app", " 1.0"), files));
        List<String> problems = e.problems();
        assertEquals(8, problems.size(), String.join("\n", problems));
        assertTrue(
                problems.get(0).startsWith("<url> (forge.url) 'https://codeberg.org/api/v1' cannot be used"),
                problems.get(0));
        assertTrue(problems.get(1).startsWith("<owner> (forge.owner) 'ac me' is not valid"), problems.get(1));
        assertTrue(
                problems.get(2)
                        .startsWith(
                                "<packageName> (forge.packageName) 'my app' is not valid: it may contain ASCII letters"),
                problems.get(2));
        assertTrue(
                problems.get(3)
                        .startsWith(
                                "<packageVersion> (forge.packageVersion) ' 1.0' is not valid: it must not start or end with whitespace"),
                problems.get(3));
        assertTrue(
                problems.get(4).contains("attached zip '" + dir.resolve("missing.zip") + "' does not exist"),
                problems.get(4));
        assertTrue(problems.get(5).contains("'bad|name.jar', which the registry refuses"), problems.get(5));
        assertTrue(problems.get(6).contains("would both be uploaded as 'APP-1.0.JAR'"), problems.get(6));
        assertTrue(problems.get(7).contains("is not a regular file"), problems.get(7));
        assertTrue(e.getMessage().startsWith("8 problems, nothing was uploaded:"), e.getMessage());
    }

    @Test
    void nothingToUploadIsAnError() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PublicationPlan.of(GOOD, List.of()));
        assertEquals(List.of("There is nothing to upload."), e.problems());
    }

    private UploadFile file(String name, String origin) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, "content");
        return new UploadFile(name, path, origin);
    }
}
