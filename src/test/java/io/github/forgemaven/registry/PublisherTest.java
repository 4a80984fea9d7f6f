package io.github.forgemaven.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.registry.http.Credentials;
import io.github.forgemaven.registry.http.Fingerprint;
import io.github.forgemaven.registry.http.RegistryClient;
import io.github.forgemaven.registry.http.Retrying;
import io.github.forgemaven.registry.plan.ExistingFilePolicy;
import io.github.forgemaven.registry.plan.InvalidInputException;
import io.github.forgemaven.registry.plan.PublicationPlan;
import io.github.forgemaven.registry.plan.UploadFile;
import io.github.forgemaven.testing.AgainstEmulator;
import io.github.forgemaven.testing.ItAssertions;
import io.github.forgemaven.testing.RecordedRequest;
import io.github.forgemaven.testing.RegistryEmulator;
import io.github.forgemaven.testing.StandardFixture;
import io.github.forgemaven.testing.forge.Flavour;
import io.github.forgemaven.testing.forge.StoredFile;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The whole run against the emulator: existing files, verification, rollback; asserting on what the server holds. */
@ParameterizedClass
@EnumSource(Flavour.class)
class PublisherTest extends AgainstEmulator {

    private final RegistryClient client = new RegistryClient(SETTINGS);
    private final RecordingListener listener = new RecordingListener();
    private final List<String> retryWarnings = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        client.close();
    }

    @Test
    void uploadsEveryFileThenVerifiesWithOneListing() throws Exception {
        List<UploadFile> files = List.of(file("app-1.0.jar", 1000), file("app-1.0.zip", 2000));

        List<PublishedFile> result = publisher(true, true).publish(List.of(publication("1.0", files, null)));

        assertEquals(List.of(Outcome.UPLOADED, Outcome.UPLOADED), outcomes(result));
        assertEquals(Fingerprint.of(files.get(1).path()), result.get(1).fingerprint());
        assertEquals(List.of("GET", "PUT", "PUT", "GET"), methods());
        assertStored("1.0", files.get(0));
        assertStored("1.0", files.get(1));
        assertTrue(
                listener.events.contains(
                        "info Verified 2 file(s) of acme/app/1.0: size and sha256 match the local files."),
                listener.events.toString());
    }

    @Test
    void withoutVerificationTheOnlyListingIsTheOneBeforeTheUploads() throws Exception {
        List<UploadFile> files = List.of(file("app-1.0.jar", 1000), file("app-1.0.zip", 2000));

        List<PublishedFile> result = publisher(false, true).publish(List.of(publication("1.0", files, null)));

        assertEquals(List.of(Outcome.UPLOADED, Outcome.UPLOADED), outcomes(result));
        assertEquals(List.of("GET", "PUT", "PUT"), methods());
        assertStored("1.0", files.get(0));
        assertStored("1.0", files.get(1));
        assertTrue(listener.events.stream().noneMatch(e -> e.contains("Verified")), listener.events.toString());
    }

    @Test
    void aRerunOfAFinishedReleaseIsGreenAndSendsNoBody() throws Exception {
        List<UploadFile> files = List.of(file("app-1.0.jar", 1000), file("app-1.0.zip", 2000));
        publisher(true, true).publish(List.of(publication("1.0", files, null)));
        registry.clearRequests();

        List<PublishedFile> again = publisher(true, true).publish(List.of(publication("1.0", files, null)));

        assertEquals(List.of(Outcome.IDENTICAL, Outcome.IDENTICAL), outcomes(again));
        assertEquals(List.of("GET"), methods(), "one listing, no upload, nothing to verify");
        assertEquals(List.of("identical app-1.0.jar", "identical app-1.0.zip"), listener.starting("identical"));
    }

    @Test
    void changedContentOfAReleaseFailsBeforeAnythingIsSent() throws Exception {
        registry.store("acme", "app", "1.0", "APP-1.0.ZIP", "older build".getBytes());
        List<UploadFile> files = List.of(file("app-1.0.jar", 100), file("app-1.0.zip", 200));

        PublishException e = assertThrows(
                PublishException.class, () -> publisher(true, true).publish(List.of(publication("1.0", files, null))));

        assertTrue(e.fixableByUser());
        assertTrue(
                e.getMessage()
                        .startsWith("acme/app/1.0 already holds a file of the same name with other content;"
                                + " nothing was uploaded:"),
                e.getMessage());
        assertTrue(e.getMessage().contains("'APP-1.0.ZIP' (server: 11 B, sha256 "), e.getMessage());
        assertTrue(e.getMessage().contains("set <onExisting> (forge.onExisting) to 'replace'"), e.getMessage());
        assertEquals(List.of("GET"), methods());
        assertEquals(List.of("APP-1.0.ZIP"), storedNames("1.0"));
    }

    @Test
    void aFreshSignatureOfAnIdenticalFileKeepsTheServersAndSaysSoInOneLine() throws Exception {
        UploadFile jar = file("app-1.0.jar", 1000);
        registry.store("acme", "app", "1.0", "app-1.0.jar", Files.readAllBytes(jar.path()));
        registry.store("acme", "app", "1.0", "app-1.0.jar.asc", "signature of the first run".getBytes());
        registry.store("acme", "app", "1.0", "app-1.0.zip", "older build".getBytes());
        registry.store("acme", "app", "1.0", "app-1.0.zip.asc", "signature of the older zip".getBytes());
        UploadFile jarSignature = file("app-1.0.jar.asc", 228);

        List<PublishedFile> rerun =
                publisher(true, true).publish(List.of(publication("1.0", List.of(jar, jarSignature), null)));

        assertEquals(List.of(Outcome.IDENTICAL, Outcome.SIGNATURE_KEPT), outcomes(rerun));
        assertEquals(List.of("GET"), methods(), "nothing sent");
        assertEquals(
                List.of("info Kept the server's signature(s) of identical files: app-1.0.jar.asc (a signature carries"
                        + " its creation time, so every run makes a new one; the server's signs the same content)."),
                listener.starting("info Kept"));

        // the signature of a file that differs is a conflict like any other
        registry.clearRequests();
        List<UploadFile> changed = List.of(file("app-1.0.zip", 200), file("app-1.0.zip.asc", 228));
        PublishException e = assertThrows(
                PublishException.class,
                () -> publisher(true, true).publish(List.of(publication("1.0", changed, null))));
        assertTrue(e.getMessage().contains("already holds 2 files of the same name"), e.getMessage());
    }

    @Test
    void aConflictOfTheSameSizeNamesTheNonReproducibleBuildAndTheWaysOut() throws Exception {
        registry.store("acme", "app", "1.0", "app-1.0.jar", new byte[1000]);
        List<UploadFile> files = List.of(file("app-1.0.jar", 1000));

        PublishException e = assertThrows(
                PublishException.class, () -> publisher(true, true).publish(List.of(publication("1.0", files, null))));

        assertTrue(e.getMessage().contains(Publisher.NOT_REPRODUCIBLE), e.getMessage());
        assertTrue(e.getMessage().contains("project.build.outputTimestamp"), e.getMessage());
        assertTrue(e.getMessage().contains("<onExisting>skip</onExisting>"), e.getMessage());

        registry.store("acme", "app", "2.0", "app-1.0.jar", new byte[999]);
        PublishException other = assertThrows(
                PublishException.class, () -> publisher(true, true).publish(List.of(publication("2.0", files, null))));
        assertFalse(other.getMessage().contains("reproducible"), "other sizes: " + other.getMessage());
    }

    @Test
    void skipKeepsTheRemoteFileAndUploadsTheRest() throws Exception {
        registry.store("acme", "app", "1.0", "app-1.0.zip", "older build".getBytes());
        List<UploadFile> files = List.of(file("app-1.0.jar", 100), file("app-1.0.zip", 200));

        List<PublishedFile> result =
                publisher(true, true).publish(List.of(publication("1.0", files, ExistingFilePolicy.SKIP)));

        assertEquals(List.of(Outcome.UPLOADED, Outcome.SKIPPED), outcomes(result));
        assertArrayEquals(
                "older build".getBytes(),
                registry.file("acme", "app", "1.0", "app-1.0.zip").orElseThrow().bytes());
        assertStored("1.0", files.get(0));
        assertEquals(1, listener.starting("warn").size(), listener.events.toString());
        assertTrue(listener.starting("warn").get(0).startsWith("warn Kept 'app-1.0.zip' (server: 11 B"));
    }

    @Test
    void skipKeepingTheServersOtherFileDoesNotUploadThisRunsSignatureOfIt() throws Exception {
        registry.store("acme", "app", "1.0", "app-1.0.zip", "older build".getBytes());
        List<UploadFile> files = List.of(
                file("app-1.0.jar", 100),
                file("app-1.0.jar.asc", 228),
                file("app-1.0.zip", 200),
                file("app-1.0.zip.asc", 228));

        List<PublishedFile> result =
                publisher(true, true).publish(List.of(publication("1.0", files, ExistingFilePolicy.SKIP)));

        assertEquals(List.of(Outcome.UPLOADED, Outcome.UPLOADED, Outcome.SKIPPED, Outcome.SKIPPED), outcomes(result));
        assertEquals(List.of("app-1.0.jar", "app-1.0.jar.asc", "app-1.0.zip"), storedNames("1.0"));
        assertTrue(
                listener.events.contains("warn Did not upload app-1.0.zip.asc: it signs the local app-1.0.zip, and the"
                        + " server keeps its other app-1.0.zip (onExisting=skip), which this signature does not sign."),
                listener.events.toString());
    }

    @Test
    void replaceDeletesTheRemoteFileAndUploadsTheLocalOne() throws Exception {
        registry.store("acme", "app", "1.0-SNAPSHOT", "app-1.0-SNAPSHOT.jar", "yesterday".getBytes());
        registry.store("acme", "app", "1.0-SNAPSHOT", "app-1.0-SNAPSHOT-sources.jar", "sources".getBytes());
        List<UploadFile> files = List.of(file("app-1.0-SNAPSHOT.jar", 500));
        ExistingFilePolicy snapshotDefault = ExistingFilePolicy.defaultFor("1.0-SNAPSHOT");

        List<PublishedFile> result =
                publisher(true, true).publish(List.of(publication("1.0-SNAPSHOT", files, snapshotDefault)));

        assertEquals(ExistingFilePolicy.REPLACE, snapshotDefault);
        assertEquals(List.of(Outcome.REPLACED), outcomes(result));
        assertStored("1.0-SNAPSHOT", files.get(0));
        assertEquals(List.of("GET", "DELETE", "PUT", "GET"), methods());
        assertEquals(List.of("app-1.0-SNAPSHOT-sources.jar", "app-1.0-SNAPSHOT.jar"), storedNames("1.0-SNAPSHOT"));
    }

    @Test
    void aFailureInTheMiddleRollsBackWhatThisRunCreatedAndNothingElse() throws Exception {
        registry.close();
        registry = StandardFixture.start(RegistryEmulator.builder().sizeLimit(1500));
        registry.store("acme", "app", "1.0", "notes.txt", "there before".getBytes());
        List<UploadFile> files = List.of(
                file("app-1.0.jar", 1000),
                file("app-1.0-sources.jar", 1000),
                file("app-1.0.zip", 2000),
                file("app-1.0.tar.gz", 10));

        PublishException e = assertThrows(
                PublishException.class, () -> publisher(true, true).publish(List.of(publication("1.0", files, null))));

        String message = e.getMessage();
        assertTrue(message.contains("app-1.0.zip failed: HTTP 403"), message);
        assertTrue(message.contains("LIMIT_SIZE_GENERIC"), message);
        assertTrue(message.contains("Uploaded before the failure: app-1.0.jar, app-1.0-sources.jar."), message);
        assertTrue(message.contains("Not uploaded: app-1.0.zip, app-1.0.tar.gz."), message);
        assertTrue(message.contains("Rolled back: deleted app-1.0.jar, app-1.0-sources.jar again"), message);
        assertEquals(List.of("notes.txt"), storedNames("1.0"), "the version is as it was before the run");
        assertEquals(
                List.of(Outcome.ROLLED_BACK, Outcome.ROLLED_BACK, Outcome.FAILED, Outcome.NOT_UPLOADED),
                outcomes(e.files()));
    }

    @Test
    void theServersPackageLimitsAreNamedWithTheSettingToRaise() throws Exception {
        registry.close();
        registry = StandardFixture.start(
                RegistryEmulator.builder().flavour(flavour).ownerCountLimit(0));

        PublishException e = assertThrows(
                PublishException.class,
                () -> publisher(true, true)
                        .publish(List.of(publication("1.0", List.of(file("app-1.0.jar", 100)), null))));

        assertTrue(e.getMessage().contains("app-1.0.jar failed: HTTP 403"), e.getMessage());
        assertTrue(e.getMessage().contains("LIMIT_TOTAL_OWNER_COUNT"), e.getMessage());
        assertFalse(registry.versionExists("acme", "app", "1.0"));
    }

    @Test
    void forgejosStorageQuotaIsNamedAndCostsNoBody() throws Exception {
        registry.close();
        registry = StandardFixture.start(
                RegistryEmulator.builder().flavour(flavour).overQuota("deployer"));
        if (flavour == Flavour.GITEA) {
            publisher(true, true).publish(List.of(publication("1.0", List.of(file("app-1.0.jar", 100_000)), null)));
            assertTrue(registry.versionExists("acme", "app", "1.0"), "Gitea has no [quota] engine");
            return;
        }

        PublishException e = assertThrows(
                PublishException.class,
                () -> publisher(true, true)
                        .publish(List.of(publication("1.0", List.of(file("app-1.0.jar", 100_000)), null))));

        assertTrue(e.getMessage().contains("app-1.0.jar failed: HTTP 413"), e.getMessage());
        assertTrue(e.getMessage().contains("over its Forgejo storage quota"), e.getMessage());
        assertEquals(0, ItAssertions.puts(registry).get(0).bodyBytesSent(), "the 413 came before the body");
    }

    @Test
    void withoutRollbackTheUploadedFilesStayAndTheMessageSaysSo() throws Exception {
        registry.close();
        registry = StandardFixture.start(RegistryEmulator.builder().sizeLimit(1500));
        List<UploadFile> files = List.of(file("app-1.0.jar", 1000), file("app-1.0.zip", 2000));

        PublishException e = assertThrows(
                PublishException.class, () -> publisher(true, false).publish(List.of(publication("1.0", files, null))));

        assertTrue(e.getMessage().contains("Not rolled back (rollback=false)"), e.getMessage());
        assertEquals(List.of("app-1.0.jar"), storedNames("1.0"));
    }

    @Test
    void aRefusedConnectionIsRetriedThenReportedWithAHint() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PublicationPlan plan = PublicationPlan.of(
                new PublicationPlan.Settings("http://127.0.0.1:" + closedPort, "acme", "app", "1.0"),
                List.of(file("a.bin", 10)));

        PublishException e = assertThrows(
                PublishException.class,
                () -> publisher(true, true).publish(List.of(new Publication(plan, WRITER, ExistingFilePolicy.FAIL))));

        assertFalse(e.fixableByUser());
        assertTrue(e.getMessage().contains("Nothing accepted a connection at 127.0.0.1:" + closedPort), e.getMessage());
        assertEquals(3, retryWarnings.size(), retryWarnings.toString());
        assertTrue(
                retryWarnings
                        .get(0)
                        .startsWith("GET http://127.0.0.1:" + closedPort
                                + "/api/v1/packages/acme/generic/app/1.0/files failed (HttpHostConnectException"),
                retryWarnings.get(0));
        assertTrue(retryWarnings.get(0).endsWith("retry 1 of 3 in 0 s."), retryWarnings.get(0));
    }

    @Test
    void secretsAppearInNoMessage() throws Exception {
        Credentials wrong = Credentials.basic("deployer", "s3cret-wrong-token", "<server> 'x' in settings.xml");
        PublicationPlan plan = PublicationPlan.of(
                new PublicationPlan.Settings(registry.baseUrl(), "acme", "app", "1.0"), List.of(file("a.bin", 10)));
        PublishException e = assertThrows(
                PublishException.class,
                () -> publisher(true, true).publish(List.of(new Publication(plan, wrong, ExistingFilePolicy.FAIL))));
        assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret-wrong-token"));
        assertFalse(String.join("\n", listener.events).contains("s3cret-wrong-token"));
    }

    private Publisher publisher(boolean verify, boolean rollback) {
        Retrying noWaiting = new Retrying(3, Duration.ZERO, Duration.ZERO, d -> {}, retryWarnings::add);
        return new Publisher(client, SETTINGS, noWaiting, new PublishOptions(verify, rollback), listener);
    }

    private Publication publication(String version, List<UploadFile> files, ExistingFilePolicy policy)
            throws InvalidInputException {
        PublicationPlan plan =
                PublicationPlan.of(new PublicationPlan.Settings(registry.baseUrl(), "acme", "app", version), files);
        return new Publication(plan, WRITER, policy == null ? ExistingFilePolicy.defaultFor(version) : policy);
    }

    private UploadFile file(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(name.hashCode()).nextBytes(bytes);
        return new UploadFile(name, Files.write(dir.resolve(name), bytes), "file " + name);
    }

    private void assertStored(String version, UploadFile file) throws IOException {
        StoredFile stored =
                registry.file("acme", "app", version, file.fileName()).orElseThrow();
        assertArrayEquals(Files.readAllBytes(file.path()), stored.bytes());
    }

    private List<String> storedNames(String version) {
        return registry.files("acme", "app", version).stream()
                .map(StoredFile::name)
                .toList();
    }

    private List<String> methods() {
        return registry.requests().stream().map(RecordedRequest::method).toList();
    }

    private static List<Outcome> outcomes(List<PublishedFile> files) {
        return files.stream().map(PublishedFile::outcome).toList();
    }
}
