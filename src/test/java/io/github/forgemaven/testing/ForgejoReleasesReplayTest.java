package io.github.forgemaven.testing;

import static io.github.forgemaven.testing.ReleasesApiTest.array;
import static io.github.forgemaven.testing.ReleasesApiTest.json;
import static io.github.forgemaven.testing.ReleasesApiTest.multipart;
import static io.github.forgemaven.testing.ReleasesApiTest.object;
import static io.github.forgemaven.testing.TestClient.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.testing.forge.Flavour;
import io.github.forgemaven.testing.forge.release.GitRepository;
import io.github.forgemaven.testing.forge.release.ReleaseAsset;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replays Forgejo's release tests ({@code tests/integration/api_releases_test.go}, releases spec §6.2) against
 * the emulator as Forgejo v15.0.3, on the fixtures of §6 (see {@link GiteaReleasesReplayTest}). Forgejo's tests
 * call the router with a nil body, which a real server never hands a handler (§3.2): the cases that depend on
 * it assert what a production server answers, and say so.
 */
class ForgejoReleasesReplayTest {

    static final String REPO1 = "/api/v1/repos/user2/repo1";

    private RegistryEmulator emulator;
    private TestClient client;
    private GitRepository repo1;
    private String ownerWrite;
    private String ownerRead;

    @BeforeEach
    void start() {
        emulator = RegistryEmulator.builder()
                .flavour(Flavour.FORGEJO)
                .appVersion("15.0.3+gitea-1.22.0")
                .start();
        client = new TestClient(emulator);
        emulator.addUser("user2", "password");
        ownerWrite = "token " + emulator.addToken("user2", "write:repository");
        ownerRead = "token " + emulator.addToken("user2", "read:repository");
        repo1 = emulator.addRepository("user2", "repo1");
        String head = repo1.commit();
        repo1.addRelease("v1.1", "testing-release", false, false);
        repo1.addAsset("v1.1", "README.md", "# readme".getBytes());
        GitRepository repo2 = emulator.addRepository("user2", "repo2").makePrivate();
        repo2.commit();
        repo2.addRelease("v1.1", "testing-release", false, false);
        repo1.pushTag("delete-tag", head);
        // TestAPIReleaseGetAssets expects [] for the draft, so Forgejo's fixture attachment is not on release 4
        repo1.addRelease("draft-release", "draft-release", true, false);
        repo1.addRelease("v1.0", "pre-release", false, true);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private int count(String query, String auth) {
        HttpResponse<byte[]> response = auth == null
                ? client.get(REPO1 + "/releases" + query)
                : client.get(REPO1 + "/releases" + query, "Authorization", auth);
        assertEquals(200, response.statusCode());
        return array(response).size();
    }

    @Test
    void releaseListShowsTheDraftToAReadScopedOwner() {
        HttpResponse<byte[]> response = client.get(REPO1 + "/releases", "Authorization", ownerRead);

        assertEquals(200, response.statusCode());
        assertEquals(
                Set.of(1L, 4L, 5L),
                array(response).stream()
                        .map(r -> ((Number) r.get("id")).longValue())
                        .collect(Collectors.toSet()));
        assertEquals(0, count("?draft=true", null));
        assertEquals(1, count("?draft=true", ownerRead));
        assertEquals(2, count("?draft=false", ownerRead));
        assertEquals(1, count("?draft=false&pre-release=false", ownerRead));
        assertEquals(1, count("?pre-release=true", ownerRead));
        assertEquals(0, count("?draft=true&pre-release=true", ownerRead));
        assertEquals(3, count("?q=release", ownerRead));
    }

    @Test
    void createProtectedTagAndInvalidTarget() {
        repo1.protectTags("v0.0.*");
        assertEquals(
                422,
                json(client, "POST", REPO1 + "/releases", "{\"tag_name\":\"v0.0.1\"}", ownerWrite)
                        .statusCode());
        HttpResponse<byte[]> invalid = json(
                client,
                "POST",
                REPO1 + "/releases",
                "{\"tag_name\":\"v9\",\"target_commitish\":\"invalid-target\"}",
                ownerWrite);
        assertEquals(404, invalid.statusCode());
        assertTrue(((String) object(invalid).get("message")).startsWith("target \"invalid-target\" not found"));
    }

    @Test
    void releaseGetDraftByTagAndById() {
        HttpResponse<byte[]> byTag = client.get(REPO1 + "/releases/tags/draft-release");
        assertEquals(404, byTag.statusCode());
        assertEquals("The target couldn't be found.", object(byTag).get("message"));

        assertEquals(404, client.get(REPO1 + "/releases/4").statusCode());
        assertEquals(
                200,
                client.get(REPO1 + "/releases/4", "Authorization", ownerRead).statusCode());
        assertEquals(200, client.get(REPO1 + "/releases/1").statusCode());
    }

    @Test
    void releaseGetAssets() {
        assertEquals(404, client.get(REPO1 + "/releases/4/assets").statusCode());
        HttpResponse<byte[]> draft = client.get(REPO1 + "/releases/4/assets", "Authorization", ownerRead);
        assertEquals(200, draft.statusCode());
        assertTrue(array(draft).isEmpty());
        assertEquals(1, array(client.get(REPO1 + "/releases/1/assets")).size());
    }

    private HttpResponse<byte[]> post(String query, byte[] body, String contentType) {
        return client.send(
                "POST",
                REPO1 + "/releases/1/assets" + query,
                body,
                "Authorization",
                ownerWrite,
                "Content-Type",
                contentType);
    }

    @Test
    void releaseUploadAsset() {
        byte[] png = new byte[104];
        HttpResponse<byte[]> multipart = post("", multipart("B", "image.png", png), "multipart/form-data; boundary=B");
        assertEquals(201, multipart.statusCode(), text(multipart));
        assertEquals(104L, ((Number) object(multipart).get("size")).longValue());
        assertEquals(
                "test-asset",
                object(post("?name=test-asset", multipart("B", "image.png", png), "multipart/form-data; boundary=B"))
                        .get("name"));
        HttpResponse<byte[]> noName = post("", png, "application/octet-stream");
        assertEquals(400, noName.statusCode());
        assertEquals("Missing 'name' parameter", object(noName).get("message"));
        HttpResponse<byte[]> stream = post("?name=stream.bin", png, "application/octet-stream");
        assertEquals(201, stream.statusCode());
        assertEquals("attachment", object(stream).get("type"));
    }

    @Test
    void releaseExternalAsset() {
        // TestAPIReleaseExternalAsset sends the query alone with a nil body and expects 201; a real server hands
        // the handler an empty body instead, which counts as a file: 400. A multipart form with the field works.
        HttpResponse<byte[]> query = post(
                "?name=test-asset&external_url=https%3A%2F%2Fforgejo.org%2F", new byte[0], "application/octet-stream");
        assertEquals(400, query.statusCode());
        assertEquals(
                "'attachment' and 'external_url' are mutually exclusive",
                object(query).get("message"));

        HttpResponse<byte[]> form = post(
                "?name=test-asset",
                multipart("B", null, null, "external_url", "https://forgejo.org/"),
                "multipart/form-data; boundary=B");
        assertEquals(201, form.statusCode(), text(form));
        Map<String, Object> asset = object(form);
        assertEquals(0L, ((Number) asset.get("size")).longValue());
        assertEquals("https://forgejo.org/", asset.get("browser_download_url"));
        assertEquals("external", asset.get("type"));
        ReleaseAsset stored = emulator.release("user2", "repo1", "v1.1")
                .orElseThrow()
                .asset("test-asset")
                .orElseThrow();
        assertEquals("https://forgejo.org/", stored.externalUrl());
    }

    @Test
    void releaseAllowedApiUrl() {
        String url = "https://localhost:3003/api/packages/owner/generic/test/1.0.0/test.txt";

        HttpResponse<byte[]> form =
                post("", multipart("B", null, null, "external_url", url), "multipart/form-data; boundary=B");

        assertEquals(201, form.statusCode(), text(form));
        assertEquals("test.txt", object(form).get("name"), "the name defaults to the URL's base name");
    }

    @Test
    void releaseDuplicateAsset() {
        HttpResponse<byte[]> both = post(
                "?name=test-asset",
                multipart("B", "image.png", new byte[3], "external_url", "https://forgejo.org/"),
                "multipart/form-data; boundary=B");

        assertEquals(400, both.statusCode());
    }

    @Test
    void releaseMissingAsset() {
        // TestAPIReleaseMissingAsset expects 400 for a nil body; in production the body is empty, not nil,
        // so the server stores a 0-byte asset (§3.2).
        HttpResponse<byte[]> empty = post("?name=test-asset", new byte[0], "application/octet-stream");

        assertEquals(201, empty.statusCode());
        assertEquals(0L, ((Number) object(empty).get("size")).longValue());
    }

    @Test
    void releaseMissingTitle() {
        HttpResponse<byte[]> created =
                json(client, "POST", REPO1 + "/releases", "{\"tag_name\":\"v2.0\",\"name\":\"\"}", ownerWrite);

        assertEquals(201, created.statusCode());
        assertEquals("v2.0", object(created).get("name"));
    }

    @Test
    void releaseGithubFormat() {
        HttpResponse<byte[]> release =
                client.get(REPO1 + "/releases/1", "Authorization", ownerRead, "Accept", "application/vnd.github+json");

        assertTrue(((String) object(release).get("upload_url")).endsWith("/assets{?name,label}"));
        assertTrue(((String) object(client.get(REPO1 + "/releases/1")).get("upload_url")).endsWith("/assets"));
    }

    @Test
    void deleteReleaseByTagName() {
        assertEquals(
                201,
                json(client, "POST", REPO1 + "/releases", "{\"tag_name\":\"release-tag\"}", ownerWrite)
                        .statusCode());
        assertEquals(
                204,
                client.delete(REPO1 + "/releases/tags/release-tag", "Authorization", ownerWrite)
                        .statusCode());
        assertEquals(
                404,
                client.delete(REPO1 + "/releases/tags/release-tag", "Authorization", ownerWrite)
                        .statusCode());
        assertEquals(
                204,
                client.delete(REPO1 + "/tags/release-tag", "Authorization", ownerWrite)
                        .statusCode());
    }
}
