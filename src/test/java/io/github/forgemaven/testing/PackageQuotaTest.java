package io.github.forgemaven.testing;

import static io.github.forgemaven.testing.StandardFixture.ADMIN;
import static io.github.forgemaven.testing.StandardFixture.ADMIN_PASSWORD;
import static io.github.forgemaven.testing.StandardFixture.DEPLOYER;
import static io.github.forgemaven.testing.StandardFixture.WRITE_TOKEN;
import static io.github.forgemaven.testing.TestClient.basic;
import static io.github.forgemaven.testing.TestClient.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.forgemaven.testing.forge.Flavour;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The servers' package limits (spec §4), replayed from {@code TestPackageQuota/Common} (both servers: with a
 * limit of 0 a user gets 403 with the limit's text, a site admin 201) and Forgejo's
 * {@code api_quota_use_test.go} (over quota: 413 {@code enforcePackagesQuota} before the handler runs).
 */
class PackageQuotaTest {

    private static final byte[] CONTENT = "content".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void aVersionCountLimitRefusesANewVersionToAUserButNotToAnAdmin(Flavour flavour) {
        assertUserRefusedAdminNot(
                flavour, settings -> settings.ownerCountLimit(0), "maximum allowed package count exceeded");
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void anOwnerSizeLimitRefusesAUserButNotAnAdmin(Flavour flavour) {
        assertUserRefusedAdminNot(
                flavour, settings -> settings.ownerSizeLimit(0), "maximum allowed package storage quota exceeded");
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void aTypeSizeLimitRefusesAUserButNotAnAdmin(Flavour flavour) {
        assertUserRefusedAdminNot(
                flavour, settings -> settings.sizeLimit(0), "maximum allowed package type size exceeded");
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void theCountLimitCountsVersionsAndOnlyANewVersionIsChecked(Flavour flavour) {
        try (RegistryEmulator emulator = StandardFixture.start(
                RegistryEmulator.builder().flavour(flavour).ownerCountLimit(1))) {
            TestClient client = new TestClient(emulator);
            String auth = basic(DEPLOYER, WRITE_TOKEN);

            assertEquals(201, put(client, "1.0", "a.bin", auth).statusCode());
            assertEquals(201, put(client, "1.0", "b.bin", auth).statusCode(), "a file added to an existing version");
            HttpResponse<byte[]> second = put(client, "2.0", "a.bin", auth);

            assertEquals(403, second.statusCode());
            assertEquals("maximum allowed package count exceeded", text(second));
            assertFalse(emulator.versionExists(DEPLOYER, "app", "2.0"), "the refused version was rolled back");
        }
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void theOwnerSizeLimitAddsTheUploadToWhatTheOwnerHolds(Flavour flavour) {
        try (RegistryEmulator emulator = StandardFixture.start(
                RegistryEmulator.builder().flavour(flavour).ownerSizeLimit(2L * CONTENT.length))) {
            TestClient client = new TestClient(emulator);
            String auth = basic(DEPLOYER, WRITE_TOKEN);

            assertEquals(201, put(client, "1.0", "a.bin", auth).statusCode());
            assertEquals(201, put(client, "1.0", "b.bin", auth).statusCode(), "exactly at the limit");
            assertEquals(403, put(client, "1.0", "c.bin", auth).statusCode());
        }
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void forgejosQuotaAnswers413BeforeTheHandlerWhileGiteaHasNoQuotaEngine(Flavour flavour) {
        try (RegistryEmulator emulator = StandardFixture.start(
                RegistryEmulator.builder().flavour(flavour).overQuota(DEPLOYER))) {
            TestClient client = new TestClient(emulator);
            // Forgejo's own test sends a Bearer PAT; an invalid name shows the check runs before validation.
            HttpResponse<byte[]> response = client.put(
                    "/api/packages/" + DEPLOYER + "/generic/app/1.0/..",
                    CONTENT,
                    "Authorization",
                    "Bearer " + WRITE_TOKEN);

            if (flavour == Flavour.FORGEJO) {
                assertEquals(413, response.statusCode());
                assertEquals("enforcePackagesQuota\n", text(response));
            } else {
                assertEquals(400, response.statusCode());
                assertEquals("invalid filename", text(response));
            }
        }
    }

    private static void assertUserRefusedAdminNot(
            Flavour flavour, UnaryOperator<RegistryEmulator.Builder> limit, String message) {
        try (RegistryEmulator emulator =
                StandardFixture.start(limit.apply(RegistryEmulator.builder().flavour(flavour)))) {
            TestClient client = new TestClient(emulator);

            HttpResponse<byte[]> user = put(client, "1.0", "a.bin", basic(DEPLOYER, WRITE_TOKEN));
            HttpResponse<byte[]> admin = put(client, "1.0", "a.bin", basic(ADMIN, ADMIN_PASSWORD));

            assertEquals(403, user.statusCode());
            assertEquals(message, text(user));
            assertEquals(201, admin.statusCode(), "site admins bypass the limits");
        }
    }

    private static HttpResponse<byte[]> put(TestClient client, String version, String file, String auth) {
        return client.put(
                "/api/packages/" + DEPLOYER + "/generic/app/" + version + "/" + file, CONTENT, "Authorization", auth);
    }
}
