package io.github.forgemaven.registry.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which artifacts are picked (includes/excludes), how they are named (fileNames), and extra files. */
class SelectionAndNamingTest {

    @TempDir
    Path dir;

    private static final ArtifactRef MAIN = ref("", "jar");
    private static final ArtifactRef SOURCES = ref("sources", "jar");
    private static final ArtifactRef LINUX_ZIP = ref("linux-x64", "zip");
    private static final ArtifactRef MAC_TGZ = ref("macos-arm64", "tar.gz");
    private static final ArtifactRef POM = ref("", "pom");
    private static final List<ArtifactRef> ALL = List.of(MAIN, SOURCES, LINUX_ZIP, MAC_TGZ, POM);

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''          | ''              | :jar sources:jar linux-x64:zip macos-arm64:tar.gz :pom",
                "*:zip       | ''              | linux-x64:zip",
                "linux-*:*   | ''              | linux-x64:zip",
                "sources:jar | ''              | sources:jar",
                ":jar        | ''              | :jar",
                "sources     | ''              | sources:jar",
                "*:JAR       | ''              | :jar sources:jar",
                "''          | *:pom,sources   | :jar linux-x64:zip macos-arm64:tar.gz",
                "*:*         | *-*:*           | :jar sources:jar :pom",
                "*:tar.gz,*:zip | macos-*      | linux-x64:zip"
            })
    void picksArtifactsByClassifierAndExtension(String includes, String excludes, String expected) {
        ArtifactFilter filter = ArtifactFilter.of(split(includes), split(excludes));
        assertEquals(
                expected,
                String.join(
                        " ",
                        ALL.stream()
                                .filter(filter::accepts)
                                .map(ArtifactRef::selector)
                                .toList()));
    }

    @Test
    void theDefaultTemplateIsMavensOwnNaming() {
        FileNameTemplate names = FileNameTemplate.parse(FileNameTemplate.DEFAULT);
        assertEquals("app-1.0.jar", names.apply(MAIN, "app", "1.0"));
        assertEquals("app-1.0-linux-x64.zip", names.apply(LINUX_ZIP, "app", "1.0"));
        assertEquals("app-1.0-macos-arm64.tar.gz", names.apply(MAC_TGZ, "app", "1.0"));
    }

    @Test
    void aTemplateCanUseEveryPlaceholderAndOptionalParts() {
        FileNameTemplate names =
                FileNameTemplate.parse("{packageName}_{packageVersion}[_{classifier}][ ({groupId})].{extension}");
        assertEquals("tool_2.0 (com.example).jar", names.apply(MAIN, "tool", "2.0"));
        assertEquals("tool_2.0_linux-x64 (com.example).zip", names.apply(LINUX_ZIP, "tool", "2.0"));
        assertEquals(
                "app.jar", FileNameTemplate.parse("{artifactId}.{extension}").apply(SOURCES, "x", "y"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{artifact}.{extension}", "{artifactId", "[{classifier}", "{classifier}]", "[a[b]]"})
    void refusesBrokenTemplatesSayingWhy(String template) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> FileNameTemplate.parse(template));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    }

    @Test
    void anUnknownPlaceholderListsTheKnownOnes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> FileNameTemplate.parse("{name}.{extension}"));
        assertEquals(
                "{name} is not a placeholder; use one of {artifactId}, {classifier}, {extension}, {groupId},"
                        + " {packageName}, {packageVersion}, {version}",
                e.getMessage());
    }

    @Test
    void extraFilesAreFoundByGlobInPatternOrder() throws Exception {
        Files.createDirectories(dir.resolve("target/native/sub"));
        Files.writeString(dir.resolve("target/native/b-linux"), "b");
        Files.writeString(dir.resolve("target/native/a-macos"), "a");
        Files.writeString(dir.resolve("target/native/sub/deep.bin"), "d");
        Files.writeString(dir.resolve("CHANGELOG.md"), "c");

        List<Path> found = ExtraFiles.find(dir, List.of("target/native/*", "CHANGELOG.md", "target/**/*.bin"));

        assertEquals(
                List.of(
                        dir.resolve("target/native/a-macos"),
                        dir.resolve("target/native/b-linux"),
                        dir.resolve("CHANGELOG.md"),
                        dir.resolve("target/native/sub/deep.bin")),
                found);
    }

    @Test
    void anExtraFilePatternThatMatchesNothingIsAnError() {
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> ExtraFiles.find(dir, List.of("target/native/*")));
        assertTrue(
                e.getMessage().startsWith("<files> pattern 'target/native/*' matches no file under "), e.getMessage());
    }

    @Test
    void theUploadListNamesArtifactsThenAddsExtraFiles() throws Exception {
        Path extra = Files.writeString(dir.resolve("checksums.txt"), "x");
        List<UploadFile> files = UploadList.of(
                ALL,
                ArtifactFilter.of(List.of(), List.of("*:pom")),
                FileNameTemplate.parse(FileNameTemplate.DEFAULT),
                "app",
                "1.0",
                List.of(extra));
        assertEquals(
                List.of(
                        "app-1.0.jar",
                        "app-1.0-sources.jar",
                        "app-1.0-linux-x64.zip",
                        "app-1.0-macos-arm64.tar.gz",
                        "checksums.txt"),
                files.stream().map(UploadFile::fileName).toList());
        assertEquals("extra file", files.get(4).origin());
    }

    @Test
    void filtersThatLeaveNothingSayWhatThereWas() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> UploadList.of(
                        ALL,
                        ArtifactFilter.of(List.of("*:exe"), List.of()),
                        FileNameTemplate.parse(FileNameTemplate.DEFAULT),
                        "app",
                        "1.0",
                        List.of()));
        assertTrue(
                e.getMessage().contains("leave nothing to upload; the project's artifacts are :jar, sources:jar"),
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // maven-gpg-plugin signs every file, the POM included: without the POM, its .asc stays out
                "''             | ''          | :jar :jar.asc sources:jar sources:jar.asc linux-x64:zip linux-x64:zip.asc",
                // a signature follows its file, also where a pattern names only the file
                "*:zip          | ''          | linux-x64:zip linux-x64:zip.asc",
                // an excluded file takes its signature with it
                "''             | sources     | :jar :jar.asc linux-x64:zip linux-x64:zip.asc",
                "''             | *:zip       | :jar :jar.asc sources:jar sources:jar.asc",
                // an exclude naming signatures drops them and keeps the files
                "''             | *:*.asc     | :jar sources:jar linux-x64:zip",
                // a signature alone is never uploaded
                "*:jar.asc      | ''          | ''"
            })
    void aSignatureGoesWithTheFileItSignsOrNotAtAll(String includes, String excludes, String expected) {
        List<ArtifactRef> signed = List.of(
                MAIN,
                ref("", "jar.asc"),
                ref("", "pom.asc"),
                SOURCES,
                ref("sources", "jar.asc"),
                LINUX_ZIP,
                ref("linux-x64", "zip.asc"));
        ArtifactFilter filter = ArtifactFilter.of(split(includes), split(excludes));
        FileNameTemplate names = FileNameTemplate.parse("{classifier}:{extension}");
        if (expected.isEmpty()) {
            assertThrows(
                    InvalidInputException.class, () -> UploadList.of(signed, filter, names, "app", "1.0", List.of()));
            return;
        }
        List<UploadFile> files;
        try {
            files = UploadList.of(signed, filter, names, "app", "1.0", List.of());
        } catch (InvalidInputException e) {
            throw new AssertionError(e);
        }
        assertEquals(
                expected,
                String.join(" ", files.stream().map(UploadFile::fileName).toList()));
    }

    @Test
    void thePomsSignatureIsReportedLeftOutWithoutThePom() {
        List<ArtifactRef> artifacts = List.of(MAIN, ref("", "jar.asc"), ref("", "pom.asc"));
        assertEquals(
                List.of(ref("", "pom.asc")),
                UploadList.signaturesWithoutTheirFile(artifacts, ArtifactFilter.of(List.of(), List.of())));
        assertEquals(
                List.of(),
                UploadList.signaturesWithoutTheirFile(
                        List.of(MAIN, POM, ref("", "pom.asc")), ArtifactFilter.of(List.of(), List.of())));
    }

    private static List<String> split(String patterns) {
        return patterns.isEmpty() ? List.of() : List.of(patterns.split(","));
    }

    private static ArtifactRef ref(String classifier, String extension) {
        return new ArtifactRef("com.example", "app", "1.0", classifier, extension, Path.of("x"), "test");
    }
}
