package io.github.forgemaven.testing;

import static io.github.forgemaven.testing.StandardFixture.ADMIN;
import static io.github.forgemaven.testing.StandardFixture.ADMIN_PASSWORD;
import static io.github.forgemaven.testing.StandardFixture.DEPLOYER;
import static io.github.forgemaven.testing.StandardFixture.DEPLOYER_PASSWORD;
import static io.github.forgemaven.testing.StandardFixture.READ_TOKEN;
import static io.github.forgemaven.testing.TestClient.basic;
import static io.github.forgemaven.testing.TestClient.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.testing.forge.Flavour;
import io.github.forgemaven.testing.forge.StoredFile;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Upload semantics (spec §4), the routes of §1, downloads and HEAD (§5) and the JSON API (§7). */
class UploadAndApiTest {

    private static final String FILE_URL = "/api/packages/deployer/generic/app/1.0/app.jar";

    @StandardEmulator
    private RegistryEmulator emulator;

    private TestClient client;
    private final String auth = basic(DEPLOYER, DEPLOYER_PASSWORD);

    @BeforeEach
    void start() {
        client = new TestClient(emulator);
    }

    @Test
    void duplicatesAreCaseInsensitiveOnNameVersionAndFile() {
        assertEquals(
                201,
                client.put("/api/packages/deployer/generic/App/1.0-RC/Lib.jar", new byte[] {1}, "Authorization", auth)
                        .statusCode());

        HttpResponse<byte[]> again =
                client.put("/api/packages/deployer/generic/app/1.0-rc/LIB.JAR", new byte[] {2}, "Authorization", auth);

        assertEquals(409, again.statusCode());
        assertEquals("package file already exists", text(again));
        assertEquals(1, emulator.requests().get(1).bodyBytesReceived(), "the body is read before the 409");
        StoredFile stored = emulator.file(DEPLOYER, "APP", "1.0-Rc", "lib.jar").orElseThrow();
        assertEquals("Lib.jar", stored.name());
        assertArrayEquals(new byte[] {1}, stored.bytes());
        assertEquals(List.of("1.0-RC"), emulator.versions(DEPLOYER, "app"));
    }

    @Test
    void sizeLimitIs403AfterReadingTheBodyAndAdminsBypassIt() {
        try (RegistryEmulator limited = RegistryEmulator.builder().sizeLimit(10).start()) {
            limited.addUser(DEPLOYER, DEPLOYER_PASSWORD);
            limited.addUser(ADMIN, ADMIN_PASSWORD);
            limited.makeAdmin(ADMIN);
            TestClient limitedClient = new TestClient(limited);

            HttpResponse<byte[]> atLimit =
                    limitedClient.put(FILE_URL.replace("app.jar", "ten.bin"), new byte[10], "Authorization", auth);
            HttpResponse<byte[]> over = limitedClient.put(FILE_URL, new byte[11], "Authorization", auth);
            HttpResponse<byte[]> admin =
                    limitedClient.put(FILE_URL, new byte[11], "Authorization", basic(ADMIN, ADMIN_PASSWORD));

            assertEquals(201, atLimit.statusCode());
            assertEquals(403, over.statusCode());
            assertEquals("maximum allowed package type size exceeded", text(over));
            assertEquals(11, limited.requests().get(1).bodyBytesReceived());
            assertEquals(201, admin.statusCode());
            assertEquals(
                    11,
                    limited.file(DEPLOYER, "app", "1.0", "app.jar")
                            .orElseThrow()
                            .size());
        }
    }

    @Test
    void formUrlEncodedBodyIs500OnBothFlavours() {
        for (Flavour flavour : Flavour.values()) {
            try (RegistryEmulator server = StandardFixture.start(flavour)) {
                HttpResponse<byte[]> response = new TestClient(server)
                        .put(
                                FILE_URL,
                                "a=b".getBytes(StandardCharsets.UTF_8),
                                "Authorization",
                                auth,
                                "Content-Type",
                                "application/x-www-form-urlencoded");

                assertEquals(500, response.statusCode());
                assertEquals(flavour == Flavour.FORGEJO ? "" : "internal server error", text(response));
                assertFalse(server.versionExists(DEPLOYER, "app", "1.0"));
            }
        }
    }

    @Test
    void multipartWithoutBoundaryIs500WithoutReadingTheBody() {
        HttpResponse<byte[]> response =
                client.put(FILE_URL, new byte[] {1, 2}, "Authorization", auth, "Content-Type", "multipart/form-data");

        assertEquals(500, response.statusCode());
        assertEquals(0, emulator.requests().get(0).bodyBytesReceived());
        assertFalse(emulator.versionExists(DEPLOYER, "app", "1.0"));
    }

    @Test
    void multipartStoresTheFirstFilePart() {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\nnot this\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.jar\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nthe content\r\n--XyZ--\r\n";

        HttpResponse<byte[]> response = client.put(
                FILE_URL,
                body.getBytes(StandardCharsets.UTF_8),
                "Authorization",
                auth,
                "Content-Type",
                "multipart/form-data; boundary=XyZ");

        assertEquals(201, response.statusCode());
        assertEquals(
                "the content",
                new String(
                        emulator.file(DEPLOYER, "app", "1.0", "app.jar")
                                .orElseThrow()
                                .bytes(),
                        StandardCharsets.UTF_8));
    }

    @Test
    void otherContentTypesAreStoredVerbatim() {
        byte[] json = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

        assertEquals(
                201,
                client.put(FILE_URL, json, "Authorization", auth, "Content-Type", "application/json")
                        .statusCode());
        assertArrayEquals(
                json,
                emulator.file(DEPLOYER, "app", "1.0", "app.jar").orElseThrow().bytes());
    }

    @Test
    void emptyFileIsAccepted() {
        assertEquals(
                201, client.put(FILE_URL, new byte[0], "Authorization", auth).statusCode());

        StoredFile stored = emulator.file(DEPLOYER, "app", "1.0", "app.jar").orElseThrow();
        assertEquals(0, stored.size());
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", stored.md5());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", stored.sha256());
    }

    @Test
    void wrongMethodsAre405WithEmptyBody() {
        HttpResponse<byte[]> post = client.send("POST", FILE_URL, new byte[] {1}, "Authorization", auth);
        HttpResponse<byte[]> putVersion =
                client.put("/api/packages/deployer/generic/app/1.0", new byte[] {1}, "Authorization", auth);
        HttpResponse<byte[]> getVersion = client.get("/api/packages/deployer/generic/app/1.0/");
        HttpResponse<byte[]> forgejoHead = client.send("HEAD", FILE_URL, null);

        for (HttpResponse<byte[]> response : List.of(post, putVersion, getVersion, forgejoHead)) {
            assertEquals(405, response.statusCode(), response.request().method() + " " + response.uri());
            assertEquals(0, response.body().length);
        }
        assertEquals(0, emulator.requests().get(0).bodyBytesReceived());
    }

    @Test
    void unknownPathsAre404() {
        HttpResponse<byte[]> v1Upload =
                client.put("/api/v1/packages/deployer/generic/app/1.0/app.jar", new byte[] {1}, "Authorization", auth);
        HttpResponse<byte[]> tooShort =
                client.put("/api/packages/deployer/generic/app", new byte[] {1}, "Authorization", auth);
        HttpResponse<byte[]> elsewhere = client.get("/deployer/app");

        // chi's own 404 where no route matches; "Not found." is Gitea's answer for an unknown owner only
        for (HttpResponse<byte[]> response : List.of(v1Upload, tooShort, elsewhere)) {
            assertEquals(404, response.statusCode());
            assertEquals("404 page not found\n", text(response));
        }
    }

    @Test
    void pathIsNormalisedAndEachSegmentUnescapedOnce() {
        HttpResponse<byte[]> response = client.put(
                "/api/packages//deployer/generic/app/1.0%2Fbeta%2520x/a%2Bb.jar/",
                new byte[] {5}, "Authorization", auth);

        assertEquals(201, response.statusCode());
        assertEquals(
                "a+b.jar",
                emulator.file(DEPLOYER, "app", "1.0/beta%20x", "a+b.jar")
                        .orElseThrow()
                        .name());
    }

    @Test
    void downloadStreamsTheStoredBytes() {
        byte[] content = new byte[300_000];
        new java.util.Random(1).nextBytes(content);
        assertEquals(
                201,
                client.put("/api/packages/deployer/generic/app/1.0/a%20b.jar", content, "Authorization", auth)
                        .statusCode());

        HttpResponse<byte[]> response = client.get("/api/packages/deployer/generic/APP/1.0/A%20B.JAR");

        assertEquals(200, response.statusCode());
        assertArrayEquals(content, response.body());
        assertEquals(
                "attachment; filename=\"a b.jar\"",
                response.headers().firstValue("Content-Disposition").orElse(""));
    }

    @Test
    void giteaAnswersHeadWithHeadersOnly() {
        try (RegistryEmulator gitea = StandardFixture.start(Flavour.GITEA)) {
            TestClient giteaClient = new TestClient(gitea);
            assertEquals(
                    201,
                    giteaClient
                            .put(FILE_URL, new byte[] {1, 2, 3, 4}, "Authorization", auth)
                            .statusCode());

            HttpResponse<byte[]> head = giteaClient.send("HEAD", FILE_URL, null);
            HttpResponse<byte[]> missing = giteaClient.send("HEAD", FILE_URL.replace("app.jar", "nope.jar"), null);

            assertEquals(200, head.statusCode());
            assertEquals(Optional.of("4"), head.headers().firstValue("Content-Length"));
            assertEquals(0, head.body().length);
            assertEquals(404, missing.statusCode());
            assertEquals(0, gitea.downloadCount(DEPLOYER, "app", "1.0"));
        }
    }

    @Test
    void versionEndpointsTellTheFlavoursApart() {
        try (RegistryEmulator gitea =
                RegistryEmulator.builder().flavour(Flavour.GITEA).start()) {
            TestClient giteaClient = new TestClient(gitea);

            assertEquals("{\"version\":\"14.0.2+gitea-1.22.0\"}\n", text(client.get("/api/v1/version")));
            assertEquals(200, client.get("/api/forgejo/v1/version").statusCode());
            assertEquals("{\"version\":\"1.25.3\"}\n", text(giteaClient.get("/api/v1/version")));
            assertEquals(404, giteaClient.get("/api/forgejo/v1/version").statusCode());
        }
    }

    @Test
    void filesListingGivesNamesSizesAndHashesOrderedByLowerCaseName() {
        assertEquals(
                201,
                client.put(FILE_URL.replace("app.jar", "b.pom"), new byte[] {1, 2, 3}, "Authorization", auth)
                        .statusCode());
        assertEquals(
                201,
                client.put(FILE_URL.replace("app.jar", "A.jar"), new byte[0], "Authorization", auth)
                        .statusCode());

        HttpResponse<byte[]> response =
                client.get("/api/v1/packages/deployer/generic/app/1.0/files", "Authorization", "token " + READ_TOKEN);

        assertEquals(200, response.statusCode());
        String json = text(response);
        assertTrue(json.startsWith("[{\"id\":"), json);
        assertTrue(json.indexOf("\"name\":\"A.jar\"") < json.indexOf("\"name\":\"b.pom\""), json);
        assertTrue(json.contains("\"size\":3,\"name\":\"b.pom\",\"md5\":\"5289df737df57326fcdd22597afb1fac\""), json);
        assertTrue(
                json.contains("\"sha256\":\"039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81\""), json);
        assertTrue(
                json.contains("\"sha256\":\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\""), json);
    }

    @Test
    void jsonApiErrors() {
        try (RegistryEmulator gitea = StandardFixture.start(Flavour.GITEA)) {
            TestClient giteaClient = new TestClient(gitea);
            assertEquals(
                    201,
                    giteaClient
                            .put(
                                    "/api/packages/hidden-user/generic/app/1.0/a.bin",
                                    new byte[] {1},
                                    "Authorization",
                                    basic(ADMIN, ADMIN_PASSWORD))
                            .statusCode());

            HttpResponse<byte[]> anonymous = giteaClient.get("/api/v1/packages/deployer/generic/app/1.0/files");
            HttpResponse<byte[]> missing =
                    giteaClient.get("/api/v1/packages/deployer/generic/app/9.9/files", "Authorization", auth);
            HttpResponse<byte[]> forbidden =
                    giteaClient.get("/api/v1/packages/hidden-user/generic/app/1.0/files", "Authorization", auth);

            assertEquals(401, anonymous.statusCode());
            assertEquals(
                    "{\"message\":\"token is required\",\"url\":\"" + gitea.baseUrl() + "/api/swagger\"}\n",
                    text(anonymous));
            assertEquals(404, missing.statusCode());
            assertTrue(text(missing).startsWith("{\"message\":\"package does not exist\""), text(missing));
            assertEquals(403, forbidden.statusCode());
            assertTrue(text(forbidden).contains("user should have specific permission or be a site admin"));
        }
    }

    @Test
    void jsonApiPackageAndVersionDelete() {
        assertEquals(
                201, client.put(FILE_URL, new byte[] {1}, "Authorization", auth).statusCode());

        HttpResponse<byte[]> pkg = client.get("/api/v1/packages/deployer/generic/app/1.0", "Authorization", auth);
        HttpResponse<byte[]> anonymousDelete = client.delete("/api/v1/packages/deployer/generic/app/1.0");
        HttpResponse<byte[]> delete = client.delete("/api/v1/packages/deployer/generic/app/1.0", "Authorization", auth);
        HttpResponse<byte[]> again = client.delete("/api/v1/packages/deployer/generic/app/1.0", "Authorization", auth);

        assertEquals(200, pkg.statusCode());
        assertTrue(text(pkg).contains("\"type\":\"generic\",\"name\":\"app\",\"version\":\"1.0\""), text(pkg));
        assertEquals(401, anonymousDelete.statusCode());
        assertEquals(204, delete.statusCode());
        assertFalse(emulator.versionExists(DEPLOYER, "app", "1.0"));
        assertEquals(404, again.statusCode());
    }

    @Test
    void requestsAreRecordedWithRawTargetAndHeaders() {
        client.put(
                "/api/packages/deployer/generic/app/1.0%20x/app.jar?x=1",
                new byte[] {1, 2}, "Authorization", auth, "X-Test", "yes");

        RecordedRequest recorded = emulator.requests().get(0);
        assertEquals("PUT", recorded.method());
        assertEquals("/api/packages/deployer/generic/app/1.0%20x/app.jar?x=1", recorded.rawTarget());
        assertEquals("yes", recorded.header("x-test"));
        assertEquals(2, recorded.bodyBytesReceived());
        assertEquals(201, recorded.status());
        emulator.clearRequests();
        assertEquals(List.of(), emulator.requests());
    }
}
