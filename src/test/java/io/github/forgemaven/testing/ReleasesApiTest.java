package io.github.forgemaven.testing;

import static io.github.forgemaven.testing.TestClient.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.registry.http.JsonReader;
import io.github.forgemaven.testing.forge.Flavour;
import io.github.forgemaven.testing.forge.release.GitRepository;
import io.github.forgemaven.testing.forge.release.Release;
import io.github.forgemaven.testing.forge.release.ReleaseAsset;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The releases API as a release client uses it, against the standard fixture's {@code acme/app}. */
class ReleasesApiTest {

    static final String BASE = "/api/v1/repos/acme/app";
    static final String AUTH = "token " + StandardFixture.RELEASE_TOKEN;

    private RegistryEmulator emulator;
    private TestClient client;

    private void start(RegistryEmulator.Builder builder) {
        emulator = StandardFixture.start(builder);
        client = new TestClient(emulator);
    }

    private void start() {
        start(RegistryEmulator.builder());
    }

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private GitRepository repo() {
        return emulator.repository(StandardFixture.ORG, StandardFixture.REPOSITORY);
    }

    static HttpResponse<byte[]> json(TestClient client, String method, String path, String body, String auth) {
        return client.send(
                method,
                path,
                body.getBytes(StandardCharsets.UTF_8),
                "Authorization",
                auth,
                "Content-Type",
                "application/json");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(HttpResponse<byte[]> response) {
        return (Map<String, Object>) JsonReader.parse(text(response));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> array(HttpResponse<byte[]> response) {
        return (List<Map<String, Object>>) JsonReader.parse(text(response));
    }

    static byte[] multipart(String boundary, String fileName, byte[] content, String... fields) {
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            head.append("--")
                    .append(boundary)
                    .append("\r\n")
                    .append("Content-Disposition: form-data; name=\"")
                    .append(fields[i])
                    .append("\"\r\n\r\n")
                    .append(fields[i + 1])
                    .append("\r\n");
        }
        if (fileName == null) {
            return (head + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        }
        head.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"attachment\"; filename=\"")
                .append(fileName)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + content.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(content, 0, body, start.length, content.length);
        System.arraycopy(end, 0, body, start.length + content.length, end.length);
        return body;
    }

    private long createDraft(String tag, String target) {
        HttpResponse<byte[]> created = json(
                client,
                "POST",
                BASE + "/releases",
                "{\"tag_name\":\"" + tag + "\",\"target_commitish\":\"" + target + "\",\"name\":\"App " + tag
                        + "\",\"body\":\"notes\",\"draft\":true}",
                AUTH);
        assertEquals(201, created.statusCode(), text(created));
        return ((Number) object(created).get("id")).longValue();
    }

    @Test
    void draftThenAssetsThenPublishIsWhatTheEmulatorStores() {
        start();
        String sha = repo().head().orElseThrow();
        long id = createDraft("v1.0.0", sha);
        assertTrue(repo().tagCommit("v1.0.0").isEmpty(), "a draft creates no git tag");

        byte[] jar = "jar bytes".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> raw = client.send(
                "POST",
                BASE + "/releases/" + id + "/assets?name=app-1.0.0.jar",
                jar,
                "Authorization",
                AUTH,
                "Content-Type",
                "application/octet-stream");
        assertEquals(201, raw.statusCode(), text(raw));
        Map<String, Object> rawAsset = object(raw);
        assertEquals("app-1.0.0.jar", rawAsset.get("name"));
        assertEquals(9L, ((Number) rawAsset.get("size")).longValue());
        assertEquals("attachment", rawAsset.get("type"));
        assertEquals(
                emulator.baseUrl() + "/attachments/" + rawAsset.get("uuid"),
                rawAsset.get("browser_download_url"),
                "single-asset responses carry the UUID URL");

        byte[] pom = "<project/>".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> form = client.send(
                "POST",
                BASE + "/releases/" + id + "/assets",
                multipart("b0undary", "app-1.0.0.pom", pom),
                "Authorization",
                AUTH,
                "Content-Type",
                "multipart/form-data; boundary=b0undary");
        assertEquals(201, form.statusCode(), text(form));
        assertEquals("app-1.0.0.pom", object(form).get("name"));

        Release draft = emulator.release("acme", "app", "v1.0.0").orElseThrow();
        assertTrue(draft.draft());
        assertEquals(List.of("app-1.0.0.jar", "app-1.0.0.pom"), draft.assetNames());
        assertArrayEquals(jar, draft.asset("app-1.0.0.jar").orElseThrow().bytes());
        assertArrayEquals(pom, draft.asset("app-1.0.0.pom").orElseThrow().bytes());
        assertEquals(
                ItAssertions.sha256(jar),
                draft.asset("app-1.0.0.jar").orElseThrow().sha256());

        HttpResponse<byte[]> published = json(client, "PATCH", BASE + "/releases/" + id, "{\"draft\":false}", AUTH);
        assertEquals(200, published.statusCode(), text(published));
        assertEquals(false, object(published).get("draft"));
        assertEquals(sha, repo().tagCommit("v1.0.0").orElseThrow(), "publishing creates the tag at the target");
        assertFalse(emulator.release("acme", "app", "v1.0.0").orElseThrow().draft());

        HttpResponse<byte[]> byTag = client.get(BASE + "/releases/tags/V1.0.0", "Authorization", AUTH);
        assertEquals(200, byTag.statusCode(), "the lookup ignores case");
        List<?> assets = (List<?>) object(byTag).get("assets");
        assertEquals(
                emulator.baseUrl() + "/acme/app/releases/download/v1.0.0/app-1.0.0.jar",
                ((Map<?, ?>) assets.get(0)).get("browser_download_url"));
        HttpResponse<byte[]> download = client.get("/acme/app/releases/download/v1.0.0/app-1.0.0.jar");
        assertEquals(200, download.statusCode());
        assertArrayEquals(jar, download.body());
        assertEquals(2, ItAssertions.assetUploads(emulator).size());
    }

    @Test
    void aSecondCreateOfTheTagIs409InAnyCase() {
        start(RegistryEmulator.builder().flavour(Flavour.GITEA));
        createDraft("v1.0.0", repo().head().orElseThrow());

        HttpResponse<byte[]> again = json(client, "POST", BASE + "/releases", "{\"tag_name\":\"V1.0.0\"}", AUTH);

        assertEquals(409, again.statusCode());
        assertEquals("Release is has no Tag", object(again).get("message"));
        assertEquals(1, emulator.releaseRows("acme", "app").size());
    }

    @Test
    void aPushedTagIsConvertedInPlaceByTheCreate() {
        start();
        String sha = repo().head().orElseThrow();
        repo().pushTag("v2.0", sha);
        Release row = emulator.releaseRows("acme", "app").get(0);
        assertTrue(row.tagOnly());
        assertEquals(
                404,
                client.get(BASE + "/releases/tags/v2.0", "Authorization", AUTH).statusCode());

        HttpResponse<byte[]> created = json(
                client,
                "POST",
                BASE + "/releases",
                "{\"tag_name\":\"v2.0\",\"target_commitish\":\"" + sha + "\",\"name\":\"Two\"}",
                AUTH);

        assertEquals(201, created.statusCode(), text(created));
        assertEquals(row.id(), ((Number) object(created).get("id")).longValue(), "the same row");
        Release release = emulator.release("acme", "app", "v2.0").orElseThrow();
        assertFalse(release.tagOnly());
        assertEquals("Two", release.title());
        assertEquals(row.created(), release.created(), "created_at keeps the tag's date");
    }

    @Test
    void deleteKeepsTheTagAsATagOnlyRow() {
        start();
        String sha = repo().head().orElseThrow();
        HttpResponse<byte[]> created = json(
                client, "POST", BASE + "/releases", "{\"tag_name\":\"v3\",\"target_commitish\":\"" + sha + "\"}", AUTH);
        long id = ((Number) object(created).get("id")).longValue();
        repo().addAsset("v3", "a.txt", new byte[] {1});

        assertEquals(
                204,
                client.delete(BASE + "/releases/" + id, "Authorization", AUTH).statusCode());

        assertTrue(emulator.release("acme", "app", "v3").isEmpty());
        assertTrue(emulator.releaseRows("acme", "app").get(0).tagOnly());
        assertTrue(emulator.releaseRows("acme", "app").get(0).assets().isEmpty());
        assertEquals(sha, repo().tagCommit("v3").orElseThrow());
        assertEquals(
                404, client.get(BASE + "/releases/" + id, "Authorization", AUTH).statusCode());
        assertEquals(
                404,
                client.delete(BASE + "/releases/tags/v3", "Authorization", AUTH).statusCode());
    }

    @Test
    void listShowsDraftsToWritersNewestFirst() {
        start();
        repo().addRelease("v1", "one", false, false);
        repo().addRelease("v2", "two", true, false);

        HttpResponse<byte[]> writer = client.get(BASE + "/releases", "Authorization", AUTH);
        HttpResponse<byte[]> anonymous = client.get(BASE + "/releases");

        assertEquals(
                List.of("v2", "v1"),
                array(writer).stream().map(r -> r.get("tag_name")).toList());
        assertEquals("2", writer.headers().firstValue("X-Total-Count").orElseThrow());
        assertEquals(
                List.of("v1"),
                array(anonymous).stream().map(r -> r.get("tag_name")).toList());
    }

    @Test
    void aPackageOnlyTokenIsRefusedNamingWriteRepository() {
        start();

        HttpResponse<byte[]> refused = json(
                client, "POST", BASE + "/releases", "{\"tag_name\":\"v1\"}", "token " + StandardFixture.WRITE_TOKEN);

        assertEquals(403, refused.statusCode());
        assertEquals(
                "token does not have at least one of required scope(s): [write:repository]",
                object(refused).get("message"));
        assertTrue(emulator.releaseRows("acme", "app").isEmpty());
    }

    @Test
    void duplicateNamesTurnEveryUrlOfTheReleaseIntoUuidUrls() {
        start();
        repo().addRelease("v1", "one", false, false);
        ReleaseAsset first = repo().addAsset("v1", "a.jar", new byte[] {1});
        repo().addAsset("v1", "a.jar", new byte[] {2});
        repo().addAsset("v1", "b.jar", new byte[] {3});

        HttpResponse<byte[]> release = client.get(BASE + "/releases/tags/v1", "Authorization", AUTH);

        List<?> assets = (List<?>) object(release).get("assets");
        assertEquals(3, assets.size());
        for (Object asset : assets) {
            String url = (String) ((Map<?, ?>) asset).get("browser_download_url");
            assertTrue(url.startsWith(emulator.baseUrl() + "/attachments/"), url);
        }
        assertArrayEquals(
                new byte[] {1}, client.get("/attachments/" + first.uuid()).body());
    }

    @Test
    void storedThen504LeavesTheAssetOnTheServer() {
        start();
        long id = createDraft("v1", repo().head().orElseThrow());
        emulator.faults().storeAssetUploadThenAnswer(1, 504);

        HttpResponse<byte[]> upload = client.send(
                "POST",
                BASE + "/releases/" + id + "/assets?name=a.bin",
                new byte[] {7, 7},
                "Authorization",
                AUTH,
                "Content-Type",
                "application/octet-stream");

        assertEquals(504, upload.statusCode());
        assertEquals(
                1, emulator.release("acme", "app", "v1").orElseThrow().assets().size());
        assertEquals(0, emulator.faults().pending());
    }

    @Test
    void anAssetFaultLeavesOtherPostsAlone() {
        start();
        emulator.faults().failAssetUploads(1, 503);

        long id = createDraft("v1", repo().head().orElseThrow());
        HttpResponse<byte[]> upload = client.send(
                "POST",
                BASE + "/releases/" + id + "/assets?name=a.bin",
                new byte[] {1},
                "Authorization",
                AUTH,
                "Content-Type",
                "application/octet-stream");

        assertEquals(503, upload.statusCode());
        assertTrue(emulator.release("acme", "app", "v1").orElseThrow().assets().isEmpty());
    }

    @Test
    void aDroppedAssetUploadStoresNothing() {
        start();
        long id = createDraft("v1", repo().head().orElseThrow());
        emulator.faults().dropAssetUploadMidBody(1, 10);

        assertThrows(
                UncheckedIOException.class,
                () -> client.send(
                        "POST",
                        BASE + "/releases/" + id + "/assets?name=a.bin",
                        new byte[100_000],
                        "Authorization",
                        AUTH,
                        "Content-Type",
                        "application/octet-stream"));

        assertTrue(emulator.release("acme", "app", "v1").orElseThrow().assets().isEmpty());
    }

    @Test
    void aMethodARouteDoesNotTakeGetsChisEmpty405WithTheRoutesMethods() {
        start();
        HttpResponse<byte[]> put = json(client, "PUT", BASE + "/releases", "{\"tag_name\":\"v1.0\"}", AUTH);
        HttpResponse<byte[]> assets = json(client, "PUT", BASE + "/releases/1/assets", "{}", AUTH);
        HttpResponse<byte[]> release = json(client, "POST", BASE + "/releases/1", "{}", AUTH);

        assertEquals(405, put.statusCode());
        assertEquals("", text(put));
        assertEquals("GET, POST", put.headers().firstValue("Allow").orElse(null));
        assertEquals("GET, POST", assets.headers().firstValue("Allow").orElse(null));
        assertEquals("GET, PATCH, DELETE", release.headers().firstValue("Allow").orElse(null));
    }
}
