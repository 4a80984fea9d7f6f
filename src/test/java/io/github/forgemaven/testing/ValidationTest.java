package io.github.forgemaven.testing;

import static io.github.forgemaven.testing.TestClient.basic;
import static io.github.forgemaven.testing.TestClient.segment;
import static io.github.forgemaven.testing.TestClient.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.testing.forge.StoredFile;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The good and bad names, filenames and versions of spec §3.1 (the servers' unit tests), each through a real PUT. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidationTest {

    private static final byte[] CONTENT = {42};

    private RegistryEmulator emulator;
    private TestClient client;
    private final String auth = basic("user2", "password");

    @BeforeAll
    void start() {
        emulator = RegistryEmulator.start();
        emulator.addUser("user2", "password");
        client = new TestClient(emulator);
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    private HttpResponse<byte[]> upload(String name, String version, String file) {
        return client.put(
                "/api/packages/user2/generic/" + escape(name) + "/" + escape(version) + "/" + escape(file),
                CONTENT,
                "Authorization",
                auth);
    }

    /** Dots are escaped too so that no client or server could mistake {@code .} or {@code ..} for path steps. */
    private static String escape(String value) {
        return segment(value).replace(".", "%2E");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "1", "a-", "a_b", "c.d+"})
    void goodPackageNames(String name) {
        assertEquals(201, upload(name, "1.0", "good.bin").statusCode());
        assertTrue(emulator.file("user2", name, "1.0", "good.bin").isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "-", "a?b", "a b", "a/b", "_", "ä"})
    void badPackageNames(String name) {
        HttpResponse<byte[]> response = upload(name, "1.0", "bad.bin");

        assertEquals(400, response.statusCode());
        assertEquals("invalid package name", text(response));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "a", "1", "a-", "a_b", "a b", "c.d+", "-_+=:;.()[]{}~!@#$%^& aA1"})
    void goodFileNames(String file) {
        assertEquals(201, upload("files", "1.0", file).statusCode());
        assertEquals(
                file,
                emulator.file("user2", "files", "1.0", file)
                        .map(StoredFile::name)
                        .orElse("missing"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                ".", "..", "a?b", "a/b", " a", "a ", "a\\b", "a*b", "a\"b", "a'b", "a<b", "a|b", "a,b", "a`b", "ä"
            })
    void badFileNames(String file) {
        HttpResponse<byte[]> response = upload("pkg", "1.0", file);

        assertEquals(400, response.statusCode());
        assertEquals("invalid filename", text(response));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0.3-te st", "not semver", "ü-version", "a/b", "1.0+build", "%"})
    void goodVersions(String version) {
        assertEquals(201, upload("versions", version, "file.bin").statusCode());
        assertTrue(emulator.versionExists("user2", "versions", version));
    }

    @ParameterizedTest
    @ValueSource(strings = {" 1.0", "1.0 ", "\t1.0", "1.0\u00a0", "1.0\n"})
    void badVersions(String version) {
        HttpResponse<byte[]> response = upload("pkg", version, "file.bin");

        assertEquals(400, response.statusCode());
        assertEquals("invalid package version", text(response));
    }

    @Test
    void nameIsCheckedBeforeFilenameAndFilenameBeforeVersion() {
        assertEquals("invalid package name", text(upload("a b", " v", "a?b")));
        assertEquals("invalid filename", text(upload("ok", " v", "a?b")));
    }
}
