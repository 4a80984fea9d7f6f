package io.github.forgemaven.testing;

import static io.github.forgemaven.testing.TestClient.basic;
import static io.github.forgemaven.testing.TestClient.segment;
import static io.github.forgemaven.testing.TestClient.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.testing.forge.StoredFile;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Replays the servers' own integration test {@code api_packages_generic_test.go} (spec §8.1, cases 1-8 and
 * 12-17) with its fixtures, in its order: each case builds on the state the previous ones left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GenericPackageApiReplayTest {

    private static final String USER = "user2";
    private static final String NAME = "te-st_pac.kage";
    private static final String VERSION = "1.0.3-te st";
    private static final String FILE = "fi-le_na.me";
    private static final byte[] CONTENT = {1, 2, 3};
    private static final String SHA256 = "039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81";
    private static final String BASE = "/api/packages/user2/generic/te-st_pac.kage/1.0.3-te%20st";

    private RegistryEmulator emulator;
    private TestClient client;
    private final String auth = basic(USER, "password");

    @BeforeAll
    void start() {
        emulator = RegistryEmulator.start();
        emulator.addUser(USER, "password");
        client = new TestClient(emulator);
    }

    @AfterAll
    void stop() {
        emulator.close();
    }

    @Test
    @Order(1)
    void case1Upload() {
        HttpResponse<byte[]> response = client.put(BASE + "/" + FILE, CONTENT, "Authorization", auth);

        assertEquals(201, response.statusCode());
        assertEquals("", text(response));
        assertEquals(List.of(VERSION), emulator.versions(USER, NAME));
        List<StoredFile> files = emulator.files(USER, NAME, VERSION);
        assertEquals(1, files.size());
        assertEquals(FILE, files.get(0).name());
        assertEquals(3, files.get(0).size());
        assertArrayEquals(CONTENT, files.get(0).bytes());
        assertEquals(SHA256, files.get(0).sha256());
        assertEquals("5289df737df57326fcdd22597afb1fac", files.get(0).md5());
    }

    @Test
    @Order(2)
    void case2UploadExists() {
        HttpResponse<byte[]> response = client.put(BASE + "/" + FILE, CONTENT, "Authorization", auth);

        assertEquals(409, response.statusCode());
        assertEquals("package file already exists", text(response));
        assertEquals(1, emulator.files(USER, NAME, VERSION).size());
    }

    @Test
    @Order(3)
    void case3UploadAdditional() {
        HttpResponse<byte[]> response = client.put(BASE + "/dummy.bin", CONTENT, "Authorization", auth);

        assertEquals(201, response.statusCode());
        assertEquals(List.of(VERSION), emulator.versions(USER, NAME));
        List<StoredFile> files = emulator.files(USER, NAME, VERSION);
        assertEquals(
                List.of("dummy.bin", FILE), files.stream().map(StoredFile::name).toList());
        assertEquals(files.get(0).sha256(), files.get(1).sha256());
    }

    @Test
    @Order(4)
    void case4UploadInvalidParameter() {
        String owner = "/api/packages/user2/generic/";
        HttpResponse<byte[]> badName = client.put(
                owner + segment("invalid package name") + "/1.0.3-te%20st/" + FILE, CONTENT, "Authorization", auth);
        HttpResponse<byte[]> badVersion =
                client.put(owner + NAME + "/" + segment("%20test ") + "/" + FILE, CONTENT, "Authorization", auth);
        HttpResponse<byte[]> badFile = client.put(BASE + "/" + segment("inva|id.name"), CONTENT, "Authorization", auth);

        assertEquals(400, badName.statusCode());
        assertEquals("invalid package name", text(badName));
        assertEquals(400, badVersion.statusCode());
        assertEquals("invalid package version", text(badVersion));
        assertEquals(400, badFile.statusCode());
        assertEquals("invalid filename", text(badFile));
        assertEquals(2, emulator.files(USER, NAME, VERSION).size());
    }

    @Test
    @Order(5)
    void case5Download() {
        HttpResponse<byte[]> response = client.get(BASE + "/" + FILE);

        assertEquals(200, response.statusCode());
        assertArrayEquals(CONTENT, response.body());
        assertEquals(
                "application/octet-stream",
                response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(
                "attachment; filename=" + FILE,
                response.headers().firstValue("Content-Disposition").orElse(""));
        assertEquals(
                "nosniff",
                response.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals(1, emulator.downloadCount(USER, NAME, VERSION));
    }

    @Test
    @Order(6)
    void case6DownloadSecondFile() {
        HttpResponse<byte[]> response = client.get(BASE + "/dummy.bin");

        assertEquals(200, response.statusCode());
        assertArrayEquals(CONTENT, response.body());
        assertEquals(2, emulator.downloadCount(USER, NAME, VERSION));
    }

    @Test
    @Order(7)
    void case7DownloadNotExists() {
        HttpResponse<byte[]> response = client.get(BASE + "/not.found");

        assertEquals(404, response.statusCode());
        assertEquals("package file does not exist", text(response));
    }

    @Test
    @Order(8)
    void case8DownloadRequireSignInView() {
        try (RegistryEmulator strict =
                RegistryEmulator.builder().requireSignInView(true).start()) {
            strict.addUser(USER, "password");
            TestClient strictClient = new TestClient(strict);
            assertEquals(
                    201,
                    strictClient
                            .put(BASE + "/dummy.bin", CONTENT, "Authorization", auth)
                            .statusCode());

            HttpResponse<byte[]> anonymous = strictClient.get(BASE + "/dummy.bin");
            HttpResponse<byte[]> signedIn = strictClient.get(BASE + "/dummy.bin", "Authorization", auth);

            assertEquals(401, anonymous.statusCode());
            assertEquals("reqPackageAccess\n", text(anonymous));
            assertEquals(200, signedIn.statusCode());
        }
    }

    @Test
    @Order(12)
    void case12DeleteFileAnonymous() {
        HttpResponse<byte[]> response = client.delete(BASE + "/" + FILE);

        assertEquals(401, response.statusCode());
        assertEquals(2, emulator.files(USER, NAME, VERSION).size());
    }

    @Test
    @Order(13)
    void case13DeleteFile() {
        HttpResponse<byte[]> deleted = client.delete(BASE + "/" + FILE, "Authorization", auth);
        HttpResponse<byte[]> download = client.get(BASE + "/" + FILE);
        HttpResponse<byte[]> deletedAgain = client.delete(BASE + "/" + FILE, "Authorization", auth);

        assertEquals(204, deleted.statusCode());
        assertEquals(404, download.statusCode());
        assertEquals(404, deletedAgain.statusCode());
        assertEquals("package file does not exist", text(deletedAgain));
        assertEquals(List.of(VERSION), emulator.versions(USER, NAME));
        assertEquals(1, emulator.files(USER, NAME, VERSION).size());
    }

    @Test
    @Order(14)
    void case14DeleteFileRemovesVersion() {
        HttpResponse<byte[]> response = client.delete(BASE + "/dummy.bin", "Authorization", auth);

        assertEquals(204, response.statusCode());
        assertEquals(List.of(), emulator.versions(USER, NAME));
        assertFalse(emulator.versionExists(USER, NAME, VERSION));
    }

    @Test
    @Order(15)
    void case15UploadForVersionDelete() {
        assertEquals(
                201,
                client.put(BASE + "/" + FILE, CONTENT, "Authorization", auth).statusCode());
        assertTrue(emulator.versionExists(USER, NAME, VERSION));
    }

    @Test
    @Order(16)
    void case16DeleteVersionAnonymous() {
        HttpResponse<byte[]> response = client.delete(BASE);

        assertEquals(401, response.statusCode());
        assertTrue(emulator.versionExists(USER, NAME, VERSION));
    }

    @Test
    @Order(17)
    void case17DeleteVersion() {
        HttpResponse<byte[]> deleted = client.delete(BASE, "Authorization", auth);
        HttpResponse<byte[]> download = client.get(BASE + "/" + FILE);
        HttpResponse<byte[]> deletedAgain = client.delete(BASE, "Authorization", auth);

        assertEquals(204, deleted.statusCode());
        assertEquals(List.of(), emulator.versions(USER, NAME));
        assertEquals(404, download.statusCode());
        assertEquals("package does not exist", text(download));
        assertEquals(404, deletedAgain.statusCode());
        assertEquals("package does not exist", text(deletedAgain));
    }
}
