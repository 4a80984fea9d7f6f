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
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.testing.forge.Flavour;
import io.github.forgemaven.testing.forge.StoredFile;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The auth forms of spec §6.1, the scopes of §6.3, the access rules of §6.4 and the order of checks of §2. */
class AuthenticationTest {

    private static final String REALM = "Basic realm=\"Gitea Package API\"";
    private static final byte[] CONTENT = {7, 8, 9};

    @StandardEmulator
    private RegistryEmulator emulator;

    private TestClient client;

    @BeforeEach
    void start() {
        client = new TestClient(emulator);
    }

    private HttpResponse<byte[]> upload(String owner, String file, String... headers) {
        return client.put("/api/packages/" + owner + "/generic/app/1.0/" + file, CONTENT, headers);
    }

    private void assertStored(String owner, String file) {
        Optional<StoredFile> stored = emulator.file(owner, "app", "1.0", file);
        assertTrue(stored.isPresent(), file + " should be stored");
        assertArrayEquals(CONTENT, stored.get().bytes());
    }

    private static void assertAccessDenied(HttpResponse<byte[]> response) {
        assertEquals(401, response.statusCode());
        assertEquals("reqPackageAccess\n", text(response));
        assertEquals(Optional.of(REALM), response.headers().firstValue("WWW-Authenticate"));
    }

    @Test
    void everyAcceptedAuthFormUploads() {
        assertEquals(
                201,
                upload(DEPLOYER, "password.bin", "Authorization", basic(DEPLOYER, DEPLOYER_PASSWORD))
                        .statusCode());
        assertEquals(
                201,
                upload(DEPLOYER, "user-token.bin", "Authorization", basic(DEPLOYER, WRITE_TOKEN))
                        .statusCode());
        assertEquals(
                201,
                upload(DEPLOYER, "other-user-token.bin", "Authorization", basic("anyone", WRITE_TOKEN))
                        .statusCode());
        assertEquals(
                201,
                upload(DEPLOYER, "token-empty.bin", "Authorization", basic(WRITE_TOKEN, ""))
                        .statusCode());
        assertEquals(
                201,
                upload(DEPLOYER, "token-oauth.bin", "Authorization", basic(WRITE_TOKEN, "x-oauth-basic"))
                        .statusCode());
        assertEquals(
                201,
                upload(DEPLOYER, "token.bin", "Authorization", "token " + WRITE_TOKEN)
                        .statusCode());
        assertEquals(
                201,
                upload(DEPLOYER, "bearer.bin", "Authorization", "Bearer " + WRITE_TOKEN)
                        .statusCode());
        assertEquals(
                201,
                upload(DEPLOYER, "upper.bin", "Authorization", "TOKEN " + WRITE_TOKEN)
                        .statusCode());
        assertEquals(201, upload(DEPLOYER, "query.bin?token=" + WRITE_TOKEN).statusCode());
        assertEquals(
                201, upload(DEPLOYER, "access.bin?access_token=" + WRITE_TOKEN).statusCode());
        for (String file : new String[] {
            "password.bin",
            "user-token.bin",
            "other-user-token.bin",
            "token-empty.bin",
            "token-oauth.bin",
            "token.bin",
            "bearer.bin",
            "upper.bin",
            "query.bin",
            "access.bin"
        }) {
            assertStored(DEPLOYER, file);
        }
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void badPasswordIs401WithoutChallenge(Flavour flavour) {
        try (RegistryEmulator server = StandardFixture.start(flavour)) {
            HttpResponse<byte[]> response = new TestClient(server)
                    .put(
                            "/api/packages/deployer/generic/app/1.0/a.bin",
                            CONTENT,
                            "Authorization",
                            basic(DEPLOYER, "wrong"));

            assertEquals(401, response.statusCode());
            String expected = flavour == Flavour.FORGEJO ? "authGroup.Verify\n" : "Failed to authenticate user\n";
            assertEquals(expected, text(response));
            assertEquals(Optional.empty(), response.headers().firstValue("WWW-Authenticate"));
            assertEquals(
                    "text/plain; charset=utf-8",
                    response.headers().firstValue("Content-Type").orElse(""));
        }
    }

    @Test
    void unknownTokenIs401WithoutChallengeInEveryForm() {
        String bogus = "0000000000000000000000000000000000000000";
        for (HttpResponse<byte[]> response : java.util.List.of(
                upload(DEPLOYER, "a.bin", "Authorization", "token " + bogus),
                upload(DEPLOYER, "a.bin", "Authorization", basic(bogus, "")),
                upload(DEPLOYER, "a.bin?token=" + bogus),
                upload(DEPLOYER, "a.bin?token=" + bogus, "Authorization", basic(DEPLOYER, "wrong")))) {
            assertEquals(401, response.statusCode());
            assertEquals("authGroup.Verify\n", text(response));
            assertFalse(response.headers().firstValue("WWW-Authenticate").isPresent());
        }
    }

    @Test
    void readOnlyTokenCannotUploadButCanDownload() {
        assertEquals(
                201,
                upload(DEPLOYER, "a.bin", "Authorization", "token " + WRITE_TOKEN)
                        .statusCode());

        assertAccessDenied(upload(DEPLOYER, "b.bin", "Authorization", "token " + READ_TOKEN));
        assertEquals(
                200,
                client.get("/api/packages/deployer/generic/app/1.0/a.bin", "Authorization", basic(DEPLOYER, READ_TOKEN))
                        .statusCode());
    }

    @Test
    void tokenWithoutPackageScopeIsDeniedEvenForReading() {
        String token = emulator.addToken(DEPLOYER, "write:repository");

        assertAccessDenied(upload(DEPLOYER, "a.bin", "Authorization", "Bearer " + token));
        assertAccessDenied(
                client.get("/api/packages/deployer/generic/app/1.0/a.bin", "Authorization", "Bearer " + token));
    }

    @Test
    void organisationWriteComesFromTheTeamGrant() {
        assertEquals(
                201,
                upload("acme", "a.bin", "Authorization", basic(DEPLOYER, DEPLOYER_PASSWORD))
                        .statusCode());
        assertStored("acme", "a.bin");
        assertAccessDenied(upload("readonly-org", "a.bin", "Authorization", basic(DEPLOYER, DEPLOYER_PASSWORD)));
        assertFalse(emulator.versionExists("readonly-org", "app", "1.0"));
    }

    @Test
    void uploadsToSomeoneElseAreDenied() {
        emulator.addUser("other", "other-Pa55word");

        assertAccessDenied(upload("other", "a.bin", "Authorization", basic(DEPLOYER, DEPLOYER_PASSWORD)));
        assertAccessDenied(upload(DEPLOYER, "a.bin"));
    }

    @Test
    void unknownOwnerIs404ButPrivateOwnerIs401() {
        HttpResponse<byte[]> unknown = upload("nobody", "a.bin", "Authorization", basic(DEPLOYER, DEPLOYER_PASSWORD));
        HttpResponse<byte[]> hidden =
                upload("hidden-user", "a.bin", "Authorization", basic(DEPLOYER, DEPLOYER_PASSWORD));
        HttpResponse<byte[]> hiddenAnonymousRead = client.get("/api/packages/hidden-user/generic/app/1.0/a.bin");

        assertEquals(404, unknown.statusCode());
        assertEquals("Not found.\n", text(unknown));
        assertAccessDenied(hidden);
        assertAccessDenied(hiddenAnonymousRead);
    }

    @Test
    void ownerLookupIsCaseInsensitive() {
        assertEquals(
                201,
                upload("ACME", "a.bin", "Authorization", basic(DEPLOYER, DEPLOYER_PASSWORD))
                        .statusCode());
        assertStored("acme", "a.bin");
    }

    @Test
    void inactiveUserIsDeniedEverywhere() {
        assertEquals(
                201,
                upload("acme", "a.bin", "Authorization", basic(DEPLOYER, DEPLOYER_PASSWORD))
                        .statusCode());
        emulator.deactivate(DEPLOYER);

        assertAccessDenied(upload(DEPLOYER, "b.bin", "Authorization", basic(DEPLOYER, DEPLOYER_PASSWORD)));
        assertAccessDenied(
                client.get("/api/packages/acme/generic/app/1.0/a.bin", "Authorization", "token " + WRITE_TOKEN));
        assertEquals(200, client.get("/api/packages/acme/generic/app/1.0/a.bin").statusCode());
    }

    @Test
    void actionsJobTokenAuthenticatesButCannotPublish() {
        String token = emulator.addActionsJobToken(DEPLOYER);

        assertAccessDenied(upload(DEPLOYER, "a.bin", "Authorization", "token " + token));
        assertAccessDenied(upload("acme", "a.bin", "Authorization", basic(DEPLOYER, token)));
    }

    @Test
    void adminPassesAccessChecksButNotScopes() {
        String readOnly = emulator.addToken(ADMIN, "read:package");

        assertEquals(
                201,
                upload("hidden-user", "a.bin", "Authorization", basic(ADMIN, ADMIN_PASSWORD))
                        .statusCode());
        assertEquals(
                201,
                upload("readonly-org", "a.bin", "Authorization", basic(ADMIN, ADMIN_PASSWORD))
                        .statusCode());
        assertAccessDenied(upload("acme", "a.bin", "Authorization", "token " + readOnly));
    }

    @Test
    void publicOnlyTokenIsForbiddenOnPrivateOwners() {
        String token = emulator.addToken(ADMIN, "read:package", "public-only");
        assertEquals(
                201,
                upload("hidden-user", "a.bin", "Authorization", basic(ADMIN, ADMIN_PASSWORD))
                        .statusCode());

        HttpResponse<byte[]> response =
                client.get("/api/packages/hidden-user/generic/app/1.0/a.bin", "Authorization", "token " + token);

        assertEquals(403, response.statusCode());
        assertEquals("reqToken\n", text(response));
    }

    @Test
    void authenticationComesBeforeRouting() {
        String bad = basic(DEPLOYER, "wrong");

        HttpResponse<byte[]> unknownOwner = upload("nobody", "a.bin", "Authorization", bad);
        HttpResponse<byte[]> methodNotAllowed =
                client.send("POST", "/api/packages/deployer/generic/app/1.0/a.bin", CONTENT, "Authorization", bad);
        HttpResponse<byte[]> unknownPath =
                client.put("/api/packages/deployer/generic/app", CONTENT, "Authorization", bad);

        assertEquals(401, unknownOwner.statusCode());
        assertEquals("authGroup.Verify\n", text(unknownOwner));
        assertEquals(401, methodNotAllowed.statusCode());
        assertEquals(401, unknownPath.statusCode());
    }

    @Test
    void accessIsCheckedBeforeValidation() {
        HttpResponse<byte[]> response = client.put(
                "/api/packages/deployer/generic/a%20b/1.0/a.bin", CONTENT, "Authorization", "token " + READ_TOKEN);

        assertAccessDenied(response);
    }

    @Test
    void standardTokensAreFortyLowercaseHexCharacters() {
        assertTrue(WRITE_TOKEN.matches("[0-9a-f]{40}"));
        assertTrue(READ_TOKEN.matches("[0-9a-f]{40}"));
        assertTrue(emulator.addToken(DEPLOYER, "read:package").matches("[0-9a-f]{40}"));
    }
}
