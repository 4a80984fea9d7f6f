package io.github.forgemaven.registry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decoding a version's files listing: the fields the run uses, type-checked, anything else ignored. */
class PackageFileTest {

    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void decodesTheServersPackageFilesInAnyFieldOrder() {
        // As Forgejo 14 answers, then with the fields in another order, an escaped name and a field to come.
        String json = "[{\"id\":7,\"size\":4,\"name\":\"app-1.0.jar\",\"md5\":\"098f6bcd4621d373cade4e832627b4f6\","
                + "\"sha1\":\"a94a8fe5ccb19ba61c4c0873d391e987982fbbd3\",\"sha256\":\"" + SHA
                + "\",\"sha512\":\"ee26\"},"
                + " {\"sha256\": \"" + SHA + "\", \"name\": \"caf\\u00e9 & more.zip\", \"size\": 0, \"id\": 8,"
                + " \"future\": {\"nested\": [1, null]}}]";

        assertEquals(
                List.of(new PackageFile("app-1.0.jar", 4, SHA), new PackageFile("café & more.zip", 0, SHA)),
                PackageFile.listOf(json));
    }

    @Test
    void anEmptyVersionListsNothing() {
        assertEquals(List.of(), PackageFile.listOf("[]"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"name\": \"a\"}                                   | not a JSON array",
                "[null]                                              | entry 1 is not an object",
                "[{\"name\":\"a\",\"size\":1,\"sha256\":\"x\"}, 3]   | entry 2 is not an object",
                "[{\"size\":1,\"sha256\":\"x\"}]                     | entry 1 has no text \"name\"",
                "[{\"name\":7,\"size\":1,\"sha256\":\"x\"}]          | entry 1 has no text \"name\"",
                "[{\"name\":\"a\",\"size\":1}]                       | entry 1 has no text \"sha256\"",
                "[{\"name\":\"a\",\"size\":null,\"sha256\":\"x\"}]   | entry 1 has no whole, non-negative \"size\"",
                "[{\"name\":\"a\",\"size\":\"1\",\"sha256\":\"x\"}]  | entry 1 has no whole, non-negative \"size\"",
                "[{\"name\":\"a\",\"size\":1.5,\"sha256\":\"x\"}]    | entry 1 has no whole, non-negative \"size\"",
                "[{\"name\":\"a\",\"size\":-1,\"sha256\":\"x\"}]     | entry 1 has no whole, non-negative \"size\"",
            })
    void saysWhatIsWrongWithAListingItCannotUse(String json, String problem) {
        assertEquals(
                problem,
                assertThrows(IllegalArgumentException.class, () -> PackageFile.listOf(json))
                        .getMessage());
    }

    @Test
    void remoteFilesMatchNamesIgnoringCaseAndKeepTheStoredSpelling() {
        RemoteFiles files = RemoteFiles.of(
                List.of(new PackageFile("App-1.0.JAR", 4, SHA), new PackageFile("app-1.0.jar", 9, "other")));

        assertEquals(Optional.of(new Fingerprint(4, SHA)), files.find("app-1.0.jar"));
        assertEquals("App-1.0.JAR", files.storedName("APP-1.0.jar"));
        assertEquals(List.of("App-1.0.JAR"), files.names());
        assertEquals(Optional.empty(), files.find("app-1.0.zip"));
    }
}
