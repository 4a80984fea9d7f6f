package io.github.forgemaven.testing;

import static io.github.forgemaven.testing.ReleasesApiTest.json;
import static io.github.forgemaven.testing.ReleasesApiTest.multipart;
import static io.github.forgemaven.testing.ReleasesApiTest.object;
import static io.github.forgemaven.testing.TestClient.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.testing.forge.Access;
import io.github.forgemaven.testing.forge.Flavour;
import io.github.forgemaven.testing.forge.release.GitRepository;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the releases API does differently by server and version (releases spec §5), and its access checks. */
class ReleaseVersionsTest {

    private static final String BASE = ReleasesApiTest.BASE;
    private static final String AUTH = ReleasesApiTest.AUTH;

    private RegistryEmulator emulator;
    private TestClient client;

    private GitRepository start(Flavour flavour, String version) {
        return start(RegistryEmulator.builder().flavour(flavour).appVersion(version));
    }

    private GitRepository start(RegistryEmulator.Builder builder) {
        emulator = StandardFixture.start(builder);
        client = new TestClient(emulator);
        return emulator.repository(StandardFixture.ORG, StandardFixture.REPOSITORY);
    }

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private long release(GitRepository repo, String tag) {
        return repo.addRelease(tag, tag, true, false).id();
    }

    private HttpResponse<byte[]> raw(long id, String name, byte[] content) {
        return client.send(
                "POST",
                BASE + "/releases/" + id + "/assets?name=" + name,
                content,
                "Authorization",
                AUTH,
                "Content-Type",
                "application/octet-stream");
    }

    private HttpResponse<byte[]> form(long id, String auth, byte[] body) {
        return client.send(
                "POST",
                BASE + "/releases/" + id + "/assets",
                body,
                "Authorization",
                auth,
                "Content-Type",
                "multipart/form-data; boundary=B");
    }

    @ParameterizedTest(name = "{0} {1}: raw upload {2}")
    @CsvSource({
        "GITEA, 1.20.6, 500",
        "GITEA, 1.21.11, 500",
        "GITEA, 1.22.0, 201",
        "GITEA, 1.25.3, 201",
        "FORGEJO, 1.21.11-2+gitea-1.21.11, 500",
        "FORGEJO, 7.0.0+gitea-1.22.0, 201",
        "FORGEJO, 14.0.2+gitea-1.22.0, 201"
    })
    void rawUploadsFromGitea122AndForgejo7(Flavour flavour, String version, int status) {
        GitRepository repo = start(flavour, version);
        long id = release(repo, "v1");

        assertEquals(status, raw(id, "a.bin", new byte[] {1, 2}).statusCode());
        HttpResponse<byte[]> multipart = form(id, AUTH, multipart("B", "b.bin", new byte[] {3}));
        assertEquals(201, multipart.statusCode(), "multipart works everywhere");
    }

    @ParameterizedTest(name = "{0} {1}: 2 MiB against a 1 MiB limit {2}")
    @CsvSource({"GITEA, 1.24.6, 201", "GITEA, 1.25.0, 413", "GITEA, 1.26.1, 413", "FORGEJO, 14.0.2+gitea-1.22.0, 201"})
    void onlyGitea125AndLaterLimitAssetSize(Flavour flavour, String version, int status) {
        GitRepository repo = start(
                RegistryEmulator.builder().flavour(flavour).appVersion(version).releaseAssetSizeLimit(1 << 20));
        long id = release(repo, "v1");

        HttpResponse<byte[]> response = raw(id, "big.bin", new byte[2 << 20]);

        assertEquals(status, response.statusCode());
        if (status == 413) {
            assertEquals("attachment exceeds limit 1048576", object(response).get("message"));
            assertTrue(
                    emulator.release("acme", "app", "v1").orElseThrow().assets().isEmpty());
        }
    }

    @Test
    void theDefaultLimitIsTwoGibibytes() {
        start(Flavour.GITEA, "1.26.0");
        assertEquals(
                201,
                raw(release(emulator.repository("acme", "app"), "v1"), "a.bin", new byte[1 << 20])
                        .statusCode());
    }

    @Test
    void externalAssetsOnlyFromForgejo9() {
        GitRepository repo = start(Flavour.FORGEJO, "8.0.3+gitea-1.22.0");
        long id = release(repo, "v1");

        HttpResponse<byte[]> response =
                form(id, AUTH, multipart("B", null, null, "external_url", "https://x.example/a"));

        assertEquals(500, response.statusCode(), "v8 looks for the attachment part only");
        assertFalse(text(response).contains("external"));
    }

    @ParameterizedTest(name = "Forgejo {0}: {1}")
    @CsvSource({"11.0.6+gitea-1.22.0, Release is has no Tag", "12.0.0+gitea-1.22.0, Release has no Tag"})
    void theConflictTextChangedInForgejo12(String version, String message) {
        GitRepository repo = start(Flavour.FORGEJO, version);
        repo.addRelease("v1", "one", true, false);

        HttpResponse<byte[]> again = json(client, "POST", BASE + "/releases", "{\"tag_name\":\"v1\"}", AUTH);

        assertEquals(409, again.statusCode());
        assertEquals(message, object(again).get("message"));
    }

    @ParameterizedTest(name = "{0} {1}: empty {2}, protected {3}, bad target {4}")
    @CsvSource({
        "GITEA, 1.21.7, 500, 500, 500",
        "GITEA, 1.22.0, 422, 422, 500",
        "GITEA, 1.22.3, 422, 422, 404",
        "FORGEJO, 7.0.0+gitea-1.22.0, 422, 500, 500",
        "FORGEJO, 8.0.0+gitea-1.22.0, 422, 422, 500",
        "FORGEJO, 9.0.0+gitea-1.22.0, 422, 422, 404"
    })
    void createFailuresByVersion(Flavour flavour, String version, int empty, int protectedTag, int badTarget) {
        GitRepository repo = start(flavour, version);
        repo.protectTags("v9*");
        emulator.addRepository("acme", "empty");

        assertEquals(
                empty,
                json(client, "POST", "/api/v1/repos/acme/empty/releases", "{\"tag_name\":\"v1\"}", AUTH)
                        .statusCode());
        assertEquals(
                protectedTag,
                json(client, "POST", BASE + "/releases", "{\"tag_name\":\"v9.0\"}", AUTH)
                        .statusCode());
        assertEquals(
                badTarget,
                json(client, "POST", BASE + "/releases", "{\"tag_name\":\"v2\",\"target_commitish\":\"nope\"}", AUTH)
                        .statusCode());
        assertTrue(emulator.release("acme", "app", "v2").isEmpty());
    }

    @ParameterizedTest(name = "{0} {1}: draft by tag for a reader {2}")
    @CsvSource({
        "GITEA, 1.25.1, 200",
        "GITEA, 1.25.2, 404",
        "FORGEJO, 13.0.2+gitea-1.22.0, 200",
        "FORGEJO, 13.0.3+gitea-1.22.0, 404",
        "FORGEJO, 14.0.0+gitea-1.22.0, 404"
    })
    void draftsHiddenByTagFrom(Flavour flavour, String version, int status) {
        GitRepository repo = start(flavour, version);
        repo.addRelease("v1", "one", true, false);

        assertEquals(status, client.get(BASE + "/releases/tags/v1").statusCode());
        assertEquals(
                200,
                client.get(BASE + "/releases/tags/v1", "Authorization", AUTH).statusCode());
    }

    @Test
    void aWriterTokenSeesDraftsEverywhereOnEveryVersion() {
        for (String version : new String[] {"1.20.0", "1.25.5", "1.27.0"}) {
            GitRepository repo = start(Flavour.GITEA, version);
            long id = release(repo, "v1");
            for (String path : new String[] {"/releases/" + id, "/releases/tags/v1", "/releases/" + id + "/assets"}) {
                assertEquals(200, client.get(BASE + path, "Authorization", AUTH).statusCode(), version + " " + path);
            }
            emulator.close();
        }
        emulator = null;
    }

    @Test
    void gitea125MultipartIsReadBeforeTheTokenIsChecked() {
        GitRepository repo = start(Flavour.GITEA, "1.25.3");
        long id = release(repo, "v1");
        byte[] body = multipart("B", "a.bin", new byte[300_000]);

        HttpResponse<byte[]> refused = form(id, "token 0000000000000000000000000000000000000000", body);

        assertEquals(401, refused.statusCode());
        assertEquals(body.length, emulator.requests().get(0).bodyBytesReceived(), "the whole body was parsed");
        assertTrue(emulator.release("acme", "app", "v1").orElseThrow().assets().isEmpty());
    }

    @Test
    void forgejo14RefusesABadTokenWithoutReadingTheBody() {
        GitRepository repo = start(Flavour.FORGEJO, "14.0.2+gitea-1.22.0");
        long id = release(repo, "v1");

        HttpResponse<byte[]> refused =
                form(id, "token 0000000000000000000000000000000000000000", multipart("B", "a.bin", new byte[300_000]));

        assertEquals(401, refused.statusCode());
        assertEquals(0, emulator.requests().get(0).bodyBytesReceived());
    }

    @Test
    void scopesAndPermissionsInTheServersOrder() {
        GitRepository repo = start(Flavour.GITEA, "1.25.3");
        repo.addRelease("v1", "one", false, false);
        emulator.addUser("reader", "reader-pw");
        repo.addCollaborator("reader", Access.READ);
        String readerToken = "token " + emulator.addToken("reader", "write:repository");

        HttpResponse<byte[]> noScope =
                client.get(BASE + "/releases", "Authorization", "token " + StandardFixture.WRITE_TOKEN);
        assertEquals(403, noScope.statusCode());
        assertEquals(
                "token does not have at least one of required scope(s), required=[read:repository], token scope=write:package",
                object(noScope).get("message"));
        HttpResponse<byte[]> anonymous = client.send(
                "POST", BASE + "/releases", "{\"tag_name\":\"v2\"}".getBytes(), "Content-Type", "application/json");
        assertEquals(401, anonymous.statusCode());
        assertEquals("token is required", object(anonymous).get("message"));
        HttpResponse<byte[]> reader = json(client, "POST", BASE + "/releases", "{\"tag_name\":\"v2\"}", readerToken);
        assertEquals(403, reader.statusCode());
        assertEquals(
                "user should have a permission to write to a repo",
                object(reader).get("message"));
        assertEquals(
                404,
                client.get("/api/v1/repos/acme/nothing/releases", "Authorization", AUTH)
                        .statusCode());
        HttpResponse<byte[]> missingTag = json(client, "POST", BASE + "/releases", "{\"name\":\"x\"}", AUTH);
        assertEquals(422, missingTag.statusCode());
        assertEquals("[TagName]: Required", object(missingTag).get("message"));
    }

    @Test
    void privateRepositoriesAreInvisibleAndMirrorsSaySo() {
        GitRepository repo = start(Flavour.FORGEJO, "14.0.2+gitea-1.22.0");
        repo.makePrivate().pullMirror();

        assertEquals(404, client.get(BASE).statusCode());
        Map<String, Object> json = object(client.get(BASE, "Authorization", AUTH));
        assertEquals(true, json.get("mirror"));
        assertEquals(true, json.get("private"));
        assertEquals("main", json.get("default_branch"));
        assertEquals(Map.of("admin", true, "push", true, "pull", true), json.get("permissions"));
    }

    @Test
    void tagAndCommitLookups() {
        GitRepository repo = start(Flavour.FORGEJO, "14.0.2+gitea-1.22.0");
        String sha = repo.head().orElseThrow();
        repo.createTag("v1/rc", sha);

        HttpResponse<byte[]> tag = client.get(BASE + "/tags/v1%2Frc", "Authorization", AUTH);
        assertEquals(200, tag.statusCode());
        assertEquals(sha, ((Map<?, ?>) object(tag).get("commit")).get("sha"));
        assertEquals(404, client.get(BASE + "/tags/v2", "Authorization", AUTH).statusCode());
        assertEquals(
                200,
                client.get(BASE + "/git/commits/" + sha, "Authorization", AUTH).statusCode());
        assertEquals(
                404,
                client.get(BASE + "/git/commits/" + "0".repeat(40), "Authorization", AUTH)
                        .statusCode());
    }
}
