package io.github.forgemaven.testing;

import static io.github.forgemaven.testing.StandardFixture.ADMIN;
import static io.github.forgemaven.testing.StandardFixture.ADMIN_PASSWORD;
import static io.github.forgemaven.testing.StandardFixture.DEPLOYER;
import static io.github.forgemaven.testing.StandardFixture.DEPLOYER_PASSWORD;
import static io.github.forgemaven.testing.StandardFixture.READ_TOKEN;
import static io.github.forgemaven.testing.StandardFixture.WRITE_TOKEN;
import static io.github.forgemaven.testing.TestClient.basic;
import static io.github.forgemaven.testing.TestClient.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.testing.forge.Flavour;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviours in which a comparison with the servers' source found the emulator wrong (issue 12 §1), each
 * replayed as the servers behave: the auth chain, chi's own 404 and 405, Go's 400 and 417, the 500 text an
 * admin sees, conditional and range downloads, the API's error JSON, the list routes and chunked replies.
 */
class ServerSourceDifferencesTest {

    private static final String FILE_URL = "/api/packages/deployer/generic/app/1.0/app.bin";
    private static final byte[] CONTENT = "0123456789".getBytes(StandardCharsets.US_ASCII);

    private RegistryEmulator emulator;
    private TestClient client;
    private final String auth = basic(DEPLOYER, DEPLOYER_PASSWORD);

    @BeforeEach
    void start() {
        emulator = StandardFixture.start();
        client = new TestClient(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private static String header(HttpResponse<byte[]> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private String apiError(RegistryEmulator server, String message) {
        return "{\"message\":\"" + message + "\",\"url\":\"" + server.baseUrl() + "/api/swagger\"}\n";
    }

    @Test
    void forgejoVersionEndpointAuthenticatesLikeTheApi() {
        HttpResponse<byte[]> bad = client.get("/api/forgejo/v1/version", "Authorization", basic(DEPLOYER, "wrong"));
        HttpResponse<byte[]> good = client.get("/api/forgejo/v1/version", "Authorization", auth);
        HttpResponse<byte[]> anonymous = client.get("/api/forgejo/v1/version");

        assertEquals(401, bad.statusCode());
        assertEquals("application/json;charset=utf-8", header(bad, "Content-Type"));
        assertTrue(text(bad).startsWith("{\"message\":"), text(bad));
        assertTrue(text(bad).contains("\"url\":"), text(bad));
        assertEquals(200, good.statusCode());
        assertEquals(200, anonymous.statusCode());
        assertEquals(
                401,
                client.get("/api/v1/version", "Authorization", basic(DEPLOYER, "wrong"))
                        .statusCode());
    }

    @Test
    void strictSignInViewRefusesAnonymousApiCallsEvenTheVersion() {
        try (RegistryEmulator strict =
                StandardFixture.start(RegistryEmulator.builder().requireSignInView(true))) {
            TestClient strictClient = new TestClient(strict);
            for (String path : List.of("/api/v1/version", "/api/forgejo/v1/version")) {
                HttpResponse<byte[]> anonymous = strictClient.get(path);
                assertEquals(403, anonymous.statusCode(), path);
                assertEquals("{\"message\":\"Only signed in user is allowed to call APIs.\"}\n", text(anonymous));
                assertEquals(200, strictClient.get(path, "Authorization", auth).statusCode(), path);
            }
        }
    }

    @Test
    void aRejectedQueryTokenLetsTheNextMethodSignIn() {
        String bogus = "0000000000000000000000000000000000000000";

        HttpResponse<byte[]> basicWins = client.put(FILE_URL + "?token=" + bogus, CONTENT, "Authorization", auth);
        HttpResponse<byte[]> nugetWins = client.put(
                FILE_URL.replace("app.bin", "nuget.bin") + "?token=" + bogus, CONTENT, "X-NuGet-ApiKey", WRITE_TOKEN);
        HttpResponse<byte[]> nothingWins =
                client.put(FILE_URL.replace("app.bin", "no.bin") + "?token=" + bogus, CONTENT);

        assertEquals(201, basicWins.statusCode());
        assertEquals(201, nugetWins.statusCode());
        assertEquals(401, nothingWins.statusCode());
        assertEquals("authGroup.Verify\n", text(nothingWins));
        assertTrue(emulator.file(DEPLOYER, "app", "1.0", "app.bin").isPresent());
        assertTrue(emulator.file(DEPLOYER, "app", "1.0", "nuget.bin").isPresent());
    }

    @Test
    void anUnknownSchemeOrABareTokenFailsOnPackagesButStaysAnonymousOnTheApi() {
        client.put(FILE_URL, CONTENT, "Authorization", auth);
        for (String authorization : List.of("token", "Foo bar", "Bearer", "Digest username=\"deployer\"")) {
            HttpResponse<byte[]> download = client.get(FILE_URL, "Authorization", authorization);
            assertEquals(401, download.statusCode(), authorization);
            assertEquals("authGroup.Verify\n", text(download), authorization);
            assertNull(header(download, "WWW-Authenticate"), authorization);

            HttpResponse<byte[]> version = client.get("/api/v1/version", "Authorization", authorization);
            HttpResponse<byte[]> listing =
                    client.get("/api/v1/packages/deployer/generic/app/1.0/files", "Authorization", authorization);
            assertEquals(200, version.statusCode(), authorization);
            assertEquals(200, listing.statusCode(), "Forgejo v12+ lets anonymous callers read: " + authorization);
        }
        try (RegistryEmulator gitea = StandardFixture.start(Flavour.GITEA)) {
            HttpResponse<byte[]> listing = new TestClient(gitea)
                    .get("/api/v1/packages/deployer/generic/app/1.0/files", "Authorization", "token");
            assertEquals(401, listing.statusCode());
            assertEquals(apiError(gitea, "token is required"), text(listing));
        }
    }

    @Test
    void nugetApiKeySignsInOnPackagesOnlyAndForgejoSkipsItsScope() {
        HttpResponse<byte[]> readTokenUpload = client.put(FILE_URL, CONTENT, "X-NuGet-ApiKey", READ_TOKEN);
        HttpResponse<byte[]> unknownKey = client.put(
                FILE_URL.replace("app.bin", "x.bin"),
                CONTENT,
                "X-NuGet-ApiKey",
                "1111111111111111111111111111111111111111");
        HttpResponse<byte[]> notOnTheApi =
                client.delete("/api/v1/packages/deployer/generic/app/1.0", "X-NuGet-ApiKey", WRITE_TOKEN);

        assertEquals(201, readTokenUpload.statusCode(), "Forgejo's nuget method records no scope");
        assertEquals(401, unknownKey.statusCode());
        assertEquals("reqPackageAccess\n", text(unknownKey), "an unknown key leaves the caller anonymous");
        assertEquals(401, notOnTheApi.statusCode());
        assertEquals(apiError(emulator, "token is required"), text(notOnTheApi));

        try (RegistryEmulator gitea = StandardFixture.start(Flavour.GITEA)) {
            TestClient giteaClient = new TestClient(gitea);
            assertEquals(
                    401,
                    giteaClient
                            .put(FILE_URL, CONTENT, "X-NuGet-ApiKey", READ_TOKEN)
                            .statusCode());
            assertEquals(
                    201,
                    giteaClient
                            .put(FILE_URL, CONTENT, "X-NuGet-ApiKey", WRITE_TOKEN)
                            .statusCode());
        }
    }

    @Test
    void unroutedPathsGetChisTextAndAnUnknownOwnerGetsGiteas() {
        HttpResponse<byte[]> noRoute = client.get("/api/packages/deployer/maven/app", "Authorization", auth);
        HttpResponse<byte[]> noApiRoute = client.get("/api/v1/nothing/here", "Authorization", auth);
        HttpResponse<byte[]> unknownOwner = client.get("/api/packages/nobody/generic/app/1.0/a.bin");
        HttpResponse<byte[]> unknownOwnerInBrowser =
                client.get("/api/packages/nobody/generic/app/1.0/a.bin", "Accept", "text/html,*/*");

        assertEquals("404 page not found\n", text(noRoute));
        assertEquals("404 page not found\n", text(noApiRoute));
        assertEquals("text/plain; charset=utf-8", header(noRoute, "Content-Type"));
        assertEquals(404, unknownOwner.statusCode());
        assertEquals("Not found.\n", text(unknownOwner));
        assertEquals(404, unknownOwnerInBrowser.statusCode());
        assertEquals("text/html; charset=utf-8", header(unknownOwnerInBrowser, "Content-Type"));
    }

    @Test
    void methodNotAllowedNamesTheRoutesMethods() {
        HttpResponse<byte[]> post = client.send("POST", FILE_URL, CONTENT, "Authorization", auth);
        HttpResponse<byte[]> head = client.send("HEAD", FILE_URL, null, "Authorization", auth);
        HttpResponse<byte[]> versionGet = client.get("/api/packages/deployer/generic/app/1.0", "Authorization", auth);
        HttpResponse<byte[]> apiPut =
                client.put("/api/v1/packages/deployer/generic/app/1.0", CONTENT, "Authorization", auth);

        assertEquals(405, post.statusCode());
        assertEquals("GET, PUT, DELETE", header(post, "Allow"));
        assertEquals(0, post.body().length);
        assertEquals(405, head.statusCode(), "Forgejo v14 has no HEAD route");
        assertEquals("DELETE", header(versionGet, "Allow"));
        assertEquals(405, apiPut.statusCode());
        assertEquals("GET, DELETE", header(apiPut, "Allow"));
        try (RegistryEmulator gitea = StandardFixture.start(Flavour.GITEA)) {
            HttpResponse<byte[]> giteaPost =
                    new TestClient(gitea).send("POST", FILE_URL, CONTENT, "Authorization", auth);
            assertEquals("GET, HEAD, PUT, DELETE", header(giteaPost, "Allow"));
        }
    }

    @Test
    void aBadPercentEscapeGetsGosBare400() throws Exception {
        try (RawConnection connection = new RawConnection(emulator)) {
            connection.write(RawConnection.request("GET", "/api/packages/deployer/generic/app/1.0/%zz", List.of(), -1));

            RawConnection.RawResponse head = connection.readHead();
            String body = new String(connection.readToClose(), StandardCharsets.US_ASCII);

            assertEquals(400, head.status());
            assertEquals("close", head.headers().get("Connection"));
            assertFalse(head.headers().containsKey("Content-Length"));
            assertEquals("400 Bad Request", body);
        }
        assertEquals(List.of(), emulator.requests());
    }

    @Test
    void anExpectationOtherThanContinueGets417WithoutReadingTheBody() throws Exception {
        try (RawConnection connection = new RawConnection(emulator)) {
            connection.write(
                    RawConnection.request("PUT", FILE_URL, List.of("Authorization: " + auth, "Expect: 200-ok"), 5)
                            + "hello");

            RawConnection.RawResponse response = connection.read();

            assertEquals(417, response.status());
            assertEquals("close", response.headers().get("Connection"));
        }
        assertEquals(List.of(), emulator.requests(), "no handler ran");
        assertFalse(emulator.versionExists(DEPLOYER, "app", "1.0"));
    }

    @Test
    void anAdminSeesTheRealTextOfA500() {
        String form = "application/x-www-form-urlencoded";
        HttpResponse<byte[]> admin =
                client.put(FILE_URL, CONTENT, "Authorization", basic(ADMIN, ADMIN_PASSWORD), "Content-Type", form);
        HttpResponse<byte[]> user = client.put(FILE_URL, CONTENT, "Authorization", auth, "Content-Type", form);
        HttpResponse<byte[]> noBoundary = client.put(
                FILE_URL,
                CONTENT,
                "Authorization",
                basic(ADMIN, ADMIN_PASSWORD),
                "Content-Type",
                "multipart/form-data");

        assertEquals(500, admin.statusCode());
        assertEquals("request Content-Type isn't multipart/form-data", text(admin));
        assertEquals(500, user.statusCode());
        assertEquals("", text(user));
        assertEquals("no multipart boundary param in Content-Type", text(noBoundary));
        try (RegistryEmulator gitea = StandardFixture.start(Flavour.GITEA)) {
            HttpResponse<byte[]> giteaUser =
                    new TestClient(gitea).put(FILE_URL, CONTENT, "Authorization", auth, "Content-Type", form);
            assertEquals("internal server error", text(giteaUser));
        }
    }

    @Test
    void downloadsHonourRangeAndIfModifiedSinceAndSayHowToCache() {
        assertEquals(201, client.put(FILE_URL, CONTENT, "Authorization", auth).statusCode());
        String lastModified = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                .format(emulator.file(DEPLOYER, "app", "1.0", "app.bin")
                        .orElseThrow()
                        .created()
                        .atOffset(ZoneOffset.UTC));

        HttpResponse<byte[]> whole = client.get(FILE_URL);
        HttpResponse<byte[]> range = client.get(FILE_URL, "Range", "bytes=2-4");
        HttpResponse<byte[]> suffix = client.get(FILE_URL, "Range", "bytes=-3");
        HttpResponse<byte[]> openEnded = client.get(FILE_URL, "Range", "bytes=8-");
        HttpResponse<byte[]> beyond = client.get(FILE_URL, "Range", "bytes=10-20");
        HttpResponse<byte[]> notModified = client.get(FILE_URL, "If-Modified-Since", lastModified);
        HttpResponse<byte[]> modified = client.get(FILE_URL, "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT");
        HttpResponse<byte[]> staleIfRange =
                client.get(FILE_URL, "Range", "bytes=0-0", "If-Range", "Mon, 01 Jan 2001 00:00:00 GMT");
        HttpResponse<byte[]> twoRanges = client.get(FILE_URL, "Range", "bytes=0-1,8-9");

        assertEquals(200, whole.statusCode());
        assertEquals("private, max-age=300", header(whole, "Cache-Control"));
        assertEquals("bytes", header(whole, "Accept-Ranges"));
        assertEquals(lastModified, header(whole, "Last-Modified"));
        assertEquals(206, range.statusCode());
        assertEquals("bytes 2-4/10", header(range, "Content-Range"));
        assertEquals("234", text(range));
        assertEquals("789", text(suffix));
        assertEquals("89", text(openEnded));
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */10", header(beyond, "Content-Range"));
        assertEquals("invalid range: failed to overlap\n", text(beyond));
        assertEquals(304, notModified.statusCode());
        assertEquals(0, notModified.body().length);
        assertEquals(lastModified, header(notModified, "Last-Modified"));
        assertEquals(200, modified.statusCode());
        assertArrayEquals(CONTENT, modified.body());
        assertEquals(200, staleIfRange.statusCode(), "an If-Range that does not match drops the Range");
        assertEquals(206, twoRanges.statusCode());
        String multipart = text(twoRanges);
        assertTrue(header(twoRanges, "Content-Type").startsWith("multipart/byteranges; boundary="));
        assertTrue(
                multipart.contains("Content-Range: bytes 0-1/10\r\nContent-Type: application/octet-stream\r\n\r\n01"),
                multipart);
        assertTrue(multipart.contains("Content-Range: bytes 8-9/10\r\n"), multipart);
        assertEquals(9, emulator.downloadCount(DEPLOYER, "app", "1.0"), "every GET opens the file and counts");
    }

    @Test
    void theOwnersPackageListPagesWithTotalCountAndLinks() {
        for (String version : List.of("1.0", "1.1", "2.0")) {
            client.put("/api/packages/deployer/generic/app/" + version + "/a.bin", CONTENT, "Authorization", auth);
        }
        client.put("/api/packages/deployer/generic/other/1.0/a.bin", CONTENT, "Authorization", auth);

        HttpResponse<byte[]> all = client.get("/api/v1/packages/deployer", "Authorization", auth);
        HttpResponse<byte[]> page = client.get("/api/v1/packages/deployer?q=APP&limit=1&page=2", "Authorization", auth);
        HttpResponse<byte[]> otherType = client.get("/api/v1/packages/deployer?type=maven", "Authorization", auth);

        assertEquals(200, all.statusCode());
        assertEquals("4", header(all, "X-Total-Count"));
        assertNull(header(all, "Link"));
        assertTrue(text(all).startsWith("[{\"id\":"), text(all));
        assertTrue(text(all).indexOf("\"name\":\"other\"") < text(all).indexOf("\"version\":\"1.0\""), "newest first");
        assertEquals("3", header(page, "X-Total-Count"));
        assertTrue(text(page).contains("\"version\":\"1.1\""), text(page));
        String base = emulator.baseUrl() + "/api/v1/packages/deployer?limit=1&";
        assertEquals(
                "<" + base + "page=3&q=APP>; rel=\"next\",<" + base + "page=3&q=APP>; rel=\"last\",<" + base
                        + "page=1&q=APP>; rel=\"first\",<" + base + "page=1&q=APP>; rel=\"prev\"",
                header(page, "Link"));
        assertEquals("[]\n", text(otherType));
        assertEquals(
                404,
                client.get("/api/v1/packages/nobody", "Authorization", auth).statusCode());
    }

    @Test
    void giteaListsAPackagesVersionsAndItsLatestButForgejoDoesNot() {
        try (RegistryEmulator gitea = StandardFixture.start(Flavour.GITEA)) {
            TestClient giteaClient = new TestClient(gitea);
            for (String version : List.of("1.0", "2.0")) {
                giteaClient.put(
                        "/api/packages/deployer/generic/app/" + version + "/a.bin", CONTENT, "Authorization", auth);
            }

            HttpResponse<byte[]> versions =
                    giteaClient.get("/api/v1/packages/deployer/generic/app", "Authorization", auth);
            HttpResponse<byte[]> latest =
                    giteaClient.get("/api/v1/packages/deployer/generic/app/-/latest", "Authorization", auth);
            HttpResponse<byte[]> none =
                    giteaClient.get("/api/v1/packages/deployer/generic/nothing/-/latest", "Authorization", auth);

            assertEquals(200, versions.statusCode());
            assertEquals("2", header(versions, "X-Total-Count"));
            assertTrue(text(versions).indexOf("\"version\":\"2.0\"")
                    < text(versions).indexOf("\"version\":\"1.0\""));
            assertEquals(200, latest.statusCode());
            assertTrue(text(latest).contains("\"version\":\"2.0\""), text(latest));
            assertEquals(404, none.statusCode());
        }
        client.put(FILE_URL, CONTENT, "Authorization", auth);
        assertEquals(
                "404 page not found\n",
                text(client.get("/api/v1/packages/deployer/generic/app", "Authorization", auth)));
        assertEquals(
                "404 page not found\n",
                text(client.get("/api/v1/packages/deployer/generic/app/-/latest", "Authorization", auth)));
    }

    @Test
    void jsonRepliesOver2KiBGoOutChunkedAndSmallerOnesWithALength() throws Exception {
        for (int i = 0; i < 12; i++) {
            client.put("/api/packages/deployer/generic/app/1.0/file-" + i + ".bin", CONTENT, "Authorization", auth);
        }
        try (RawConnection connection = new RawConnection(emulator)) {
            connection.write(RawConnection.request(
                    "GET", "/api/v1/packages/deployer/generic/app/1.0/files", List.of("Authorization: " + auth), -1));
            RawConnection.RawResponse large = connection.readHead();
            assertEquals("chunked", large.headers().get("Transfer-Encoding"));
            assertFalse(large.headers().containsKey("Content-Length"));
            StringBuilder body = new StringBuilder();
            int size;
            while ((size = Integer.parseInt(
                            io.github.forgemaven.testing.server.RequestHead.readLine(connection.input()), 16))
                    > 0) {
                body.append(new String(connection.input().readNBytes(size), StandardCharsets.UTF_8));
                connection.input().readNBytes(2);
            }
            connection.input().readNBytes(2);
            assertTrue(body.length() > 2048, "the listing is larger than Go's buffer: " + body.length());
            assertTrue(body.toString().endsWith("]\n"), body.toString());

            connection.write(RawConnection.request("GET", "/api/v1/version", List.of(), -1));
            RawConnection.RawResponse small = connection.read();
            assertNull(small.headers().get("Transfer-Encoding"));
            assertEquals(String.valueOf(small.body().length), small.headers().get("Content-Length"));
        }
        HttpResponse<byte[]> decoded =
                client.get("/api/v1/packages/deployer/generic/app/1.0/files", "Authorization", auth);
        assertEquals(Optional.of("chunked"), decoded.headers().firstValue("Transfer-Encoding"));
        assertTrue(text(decoded).contains("\"name\":\"file-9.bin\""));
    }
}
