package io.github.forgemaven.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.forgemaven.registry.http.Fingerprint;
import io.github.forgemaven.registry.plan.UploadFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployRecordTest {

    @TempDir
    Path dir;

    @Test
    void theJsonRecordListsEveryFileWithItsOutcome() throws Exception {
        DeployRecord record = record(false);

        // Jackson, not our own JsonReader: a mistake shared by our writer and reader would pass unseen.
        JsonNode json = new ObjectMapper().readTree(record.toJson());

        assertEquals("failure", json.get("outcome").textValue());
        JsonNode files = json.get("files");
        assertEquals(2, files.size());
        JsonNode first = files.get(0);
        assertEquals("app \"1\".jar", first.get("name").textValue());
        assertTrue(first.get("size").isIntegralNumber());
        assertEquals(3L, first.get("size").longValue());
        assertEquals("abcdef0123456789", first.get("sha256").textValue());
        assertEquals(
                "https://git.example.com/api/packages/acme/generic/app/1.0/app%20%221%22.jar",
                first.get("url").textValue());
        assertEquals("uploaded", first.get("outcome").textValue());
        JsonNode second = files.get(1);
        assertTrue(second.get("sha256").isNull(), second.toString());
        assertEquals("not_uploaded", second.get("outcome").textValue());
    }

    @Test
    void theMarkdownSummaryIsATableWithLinks() throws Exception {
        String md = record(true).toMarkdown();
        assertTrue(md.startsWith("### Forge generic packages: published\n\n| File | Size | SHA-256 | Outcome |\n"), md);
        assertTrue(
                md.contains(
                        "| [app \"1\".jar](https://git.example.com/api/packages/acme/generic/app/1.0/app%20%221%22.jar)"
                                + " | 3 B | `abcdef012345` | uploaded |"),
                md);
        assertTrue(md.contains("| `-` | not uploaded |"), md);
    }

    @Test
    void theMarkdownHeadingNamesThePackageVersions() throws Exception {
        assertTrue(record(true)
                .toMarkdown(List.of("acme/core/1.0", "acme/cli/1.0"))
                .startsWith("### Forge generic packages: acme/core/1.0, acme/cli/1.0 published\n\n| File |"));
        assertTrue(record(false)
                .toMarkdown(List.of("acme/app/1.0"))
                .startsWith("### Forge generic packages: acme/app/1.0 failed\n\n"));
    }

    @Test
    void theLogTableIsAligned() throws Exception {
        List<String> table = record(true).table();
        assertEquals(3, table.size());
        assertTrue(table.get(0).startsWith("File         Size  SHA-256       Outcome       URL"), table.get(0));
        assertEquals(table.get(0).indexOf("URL"), table.get(1).indexOf("https://"));
    }

    private DeployRecord record(boolean success) throws Exception {
        Path jar = Files.writeString(dir.resolve("a.jar"), "abc");
        Path zip = Files.writeString(dir.resolve("b.zip"), "zz");
        URI base = URI.create("https://git.example.com/api/packages/acme/generic/app/1.0/");
        return new DeployRecord(
                List.of(
                        new PublishedFile(
                                new UploadFile("app \"1\".jar", jar, "main artifact", 3),
                                base.resolve("app%20%221%22.jar"),
                                Outcome.UPLOADED,
                                new Fingerprint(3, "abcdef0123456789")),
                        new PublishedFile(
                                new UploadFile("app.zip", zip, "attached zip", 2),
                                base.resolve("app.zip"),
                                Outcome.NOT_UPLOADED,
                                null)),
                success);
    }
}
