package io.github.forgemaven.registry;

import static io.github.forgemaven.testing.AgainstEmulator.WRITER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.registry.http.ClientSettings;
import io.github.forgemaven.registry.http.RegistryClient;
import io.github.forgemaven.registry.http.Retrying;
import io.github.forgemaven.registry.plan.ExistingFilePolicy;
import io.github.forgemaven.registry.plan.InvalidInputException;
import io.github.forgemaven.registry.plan.PublicationPlan;
import io.github.forgemaven.registry.plan.UploadFile;
import io.github.forgemaven.testing.RecordedRequest;
import io.github.forgemaven.testing.RegistryEmulator;
import io.github.forgemaven.testing.StandardEmulator;
import io.github.forgemaven.testing.forge.Flavour;
import io.github.forgemaven.testing.forge.StoredFile;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** How a run copes with a misbehaving server or network, against the emulator's injected faults. */
@ParameterizedClass
@EnumSource(Flavour.class)
class PublisherFaultsTest {

    @Parameter
    Flavour flavour;

    @TempDir
    Path dir;

    /** What an earlier run stored as app-1.0.jar: other content than any local file here. */
    private static final byte[] EARLIER = new byte[3000];

    @StandardEmulator
    private RegistryEmulator registry;

    private ClientSettings settings =
            new ClientSettings("forge-maven-plugin/test", Duration.ofSeconds(5), Duration.ofSeconds(20), 4);
    private RegistryClient client = new RegistryClient(settings);
    private final RecordingListener listener = new RecordingListener();
    private final List<String> retryWarnings = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        client.close();
    }

    @Test
    void a503IsRetriedAndTheFileLandsOnce() throws Exception {
        registry.faults().failNext("PUT", 1, 503, "1");
        List<UploadFile> files = List.of(file("app-1.0.jar", 5000));

        List<PublishedFile> result = publish(files, 1);

        assertEquals(List.of(Outcome.UPLOADED), outcomes(result));
        assertEquals(List.of(503, 201), putStatuses());
        assertStored(files.get(0));
        assertEquals(1, retryWarnings.size());
        assertTrue(
                retryWarnings
                        .get(0)
                        .startsWith(
                                "PUT " + registry.baseUrl()
                                        + "/api/packages/acme/generic/app/1.0/app-1.0.jar failed (HTTP 503 Service Unavailable); retry 1 of 3"),
                retryWarnings.get(0));
    }

    @Test
    void a502AfterTheWholeBodyWasSentIsRetriedWithTheWholeFileAgain() throws Exception {
        // a buffering proxy (nginx) reads the whole upload, then finds the registry down
        registry.faults().failAfterBody("PUT", 1, 502);
        List<UploadFile> files = List.of(file("app-1.0.zip", 3 * 1024 * 1024));

        List<PublishedFile> result = publish(files, 1);

        assertEquals(List.of(Outcome.UPLOADED), outcomes(result));
        assertEquals(List.of(502, 201), putStatuses());
        assertEquals(
                List.of(3L * 1024 * 1024, 3L * 1024 * 1024),
                puts().stream().map(RecordedRequest::bodyBytesReceived).toList(),
                "the 502 came after the whole body, and the retry sent all of it again");
        assertStored(files.get(0));
        assertEquals(1, registry.files("acme", "app", "1.0").size());
        assertEquals(1, retryWarnings.size(), retryWarnings.toString());
        assertTrue(
                retryWarnings.get(0).contains("app-1.0.zip failed (HTTP 502 Bad Gateway); retry 1 of 3"),
                retryWarnings.get(0));
    }

    @Test
    void aConnectionDroppedMidUploadIsRetried() throws Exception {
        registry.faults().dropConnectionMidBody(1, 64 * 1024);
        List<UploadFile> files = List.of(file("app-1.0.zip", 3 * 1024 * 1024));

        List<PublishedFile> result = publish(files, 1);

        assertEquals(List.of(Outcome.UPLOADED), outcomes(result));
        assertEquals(List.of(0, 201), putStatuses());
        assertStored(files.get(0));
        assertTrue(retryWarnings.get(0).contains("SocketException"), retryWarnings.toString());
    }

    @Test
    void anUnexpectedExceptionInAParallelUploadStillRollsBackWhatTheRunCreated() throws Exception {
        List<UploadFile> files =
                List.of(file("app-1.0.jar", 5000), file("app-1.0.zip", 7000), file("app-1.0.tgz", 9000));
        PublishListener breaksOnTheLastFile = new RecordingListener() {
            @Override
            public void uploaded(UploadFile file, URI uri, long size, Duration took) {
                if (file.fileName().equals("app-1.0.tgz")) {
                    throw new IllegalStateException("a listener bug");
                }
            }
        };

        PublishException e = assertThrows(
                PublishException.class,
                () -> new Publisher(
                                client, settings, noWaiting(), new PublishOptions(true, true, 4), breaksOnTheLastFile)
                        .publish(List.of(publication(files))));

        assertEquals(List.of(), registry.files("acme", "app", "1.0"), "rolled back");
        // The listener's lines of a parallel file may be replayed by another upload's thread or at the end, so
        // the failure may name another file or the run; what matters is that it is reported and rolled back.
        assertTrue(
                e.getMessage().contains(" failed unexpectedly: java.lang.IllegalStateException: a listener bug"),
                e.getMessage());
        assertTrue(e.getMessage().contains("  Rolled back: deleted app-1.0.jar, "), e.getMessage());
        assertFalse(
                outcomes(e.files()).contains(Outcome.UPLOADED),
                outcomes(e.files()).toString());
    }

    @Test
    void anUnexpectedExceptionInTheFirstUploadStillRollsBack() throws Exception {
        List<UploadFile> files = List.of(file("app-1.0.jar", 5000), file("app-1.0.zip", 7000));
        PublishListener breaksAfterTheFirstFile = new RecordingListener() {
            @Override
            public void uploaded(UploadFile file, URI uri, long size, Duration took) {
                throw new IllegalStateException("a listener bug");
            }
        };

        PublishException e = assertThrows(
                PublishException.class,
                () -> new Publisher(
                                client,
                                settings,
                                noWaiting(),
                                new PublishOptions(true, true, 1),
                                breaksAfterTheFirstFile)
                        .publish(List.of(publication(files))));

        assertEquals(List.of(), registry.files("acme", "app", "1.0"), "rolled back");
        assertTrue(e.getMessage().contains("Rolled back: deleted app-1.0.jar again"), e.getMessage());
    }

    @Test
    void a504AfterTheServerStoredTheFileEndsAsSuccessWithoutADuplicate() throws Exception {
        registry.faults().storeThenAnswer(1, 504);
        List<UploadFile> files = List.of(file("app-1.0.jar", 5000), file("app-1.0.zip", 7000));

        List<PublishedFile> result = publish(files, 1);

        assertEquals(List.of(Outcome.UPLOADED, Outcome.UPLOADED), outcomes(result));
        assertEquals(List.of(504, 409, 201), putStatuses());
        assertEquals(2, registry.files("acme", "app", "1.0").size());
        assertTrue(
                listener.events.contains(
                        "info app-1.0.jar was stored by an earlier attempt; its content is identical."),
                listener.events.toString());
    }

    @Test
    void aFailureAfterARetriedPutRollsBackTheFileTheRetryFoundStored() throws Exception {
        registry.faults().storeThenAnswer(1, 504);
        List<UploadFile> files = List.of(file("app-1.0.jar", 5000), file("app-1.0.zip", 7000));
        PublishListener armsAfterTheJar = new RecordingListener() {
            @Override
            public void info(String message) {
                if (message.startsWith("app-1.0.jar was stored by an earlier attempt")) {
                    registry.faults().failNext("PUT", 4, 503);
                }
            }
        };

        PublishException e = assertThrows(
                PublishException.class,
                () -> new Publisher(client, settings, noWaiting(), new PublishOptions(true, true, 1), armsAfterTheJar)
                        .publish(List.of(publication(files))));

        assertTrue(e.getMessage().contains("app-1.0.zip failed: HTTP 503"), e.getMessage());
        assertTrue(e.getMessage().contains("Rolled back: deleted app-1.0.jar again"), e.getMessage());
        assertFalse(registry.versionExists("acme", "app", "1.0"));
    }

    @Test
    @Timeout(60)
    void aServerThatStopsReadingFailsWithinTheResponseTimeout() throws Exception {
        useTimeout(Duration.ofSeconds(1));
        registry.faults().stallNext("PUT", 1, false);
        List<UploadFile> files = List.of(file("big.bin", 32 * 1024 * 1024));

        PublishException e = assertThrows(PublishException.class, () -> publish(files, 1));

        assertTrue(
                e.getMessage().contains("failed: no progress: the server took no data for 1 s after"), e.getMessage());
        assertTrue(e.getMessage().contains("the response timeout (<responseTimeout>)"), e.getMessage());
        assertTrue(retryWarnings.isEmpty(), "a stall is not retried: " + retryWarnings);
    }

    @Test
    @Timeout(60)
    void aServerThatNeverAnswersFailsWithinTheResponseTimeout() throws Exception {
        useTimeout(Duration.ofSeconds(1));
        registry.faults().stallNext("PUT", 1, true);

        PublishException e = assertThrows(PublishException.class, () -> publish(List.of(file("a.bin", 1000)), 1));

        assertTrue(e.getMessage().contains("failed: SocketTimeoutException"), e.getMessage());
        assertTrue(
                e.getMessage().contains("The server sent nothing for 1 s, the response timeout (<responseTimeout>)"),
                e.getMessage());
    }

    @Test
    void aReplacementWhoseDeleteTimesOutNamesTheDeleteNotAPut() throws Exception {
        useTimeout(Duration.ofSeconds(1));
        UploadFile jar = file("app-1.0.jar", 4000);
        registry.store("acme", "app", "1.0", "app-1.0.jar", EARLIER);
        registry.faults().stallNext("DELETE", 1, false);

        PublishException e =
                assertThrows(PublishException.class, () -> publish(List.of(jar), ExistingFilePolicy.REPLACE));

        assertTrue(
                e.getMessage()
                        .contains("  DELETE " + registry.baseUrl()
                                + "/api/packages/acme/generic/app/1.0/app-1.0.jar failed: SocketTimeoutException"),
                e.getMessage());
        assertEquals(List.of(), putStatuses(), "nothing is uploaded over a file that may still be there");
        assertEarlierJarKept();
    }

    @Test
    void aRedirectedPutIsReportedAndNotFollowed() throws Exception {
        registry.faults()
                .redirectNext("PUT", 1, 301, "https://git.example.com/api/packages/acme/generic/app/1.0/a.bin");

        PublishException e = assertThrows(PublishException.class, () -> publish(List.of(file("a.bin", 1000)), 1));

        assertTrue(e.getMessage().contains("failed: HTTP 301"), e.getMessage());
        assertTrue(
                e.getMessage().contains("redirected the upload to https://git.example.com/api/packages/"),
                e.getMessage());
        assertEquals(List.of(301), putStatuses());
        assertFalse(registry.versionExists("acme", "app", "1.0"));
    }

    @Test
    void whenTheListingIsRefusedAnExistingIdenticalFileIsRecognisedThrough409() throws Exception {
        UploadFile jar = file("app-1.0.jar", 4000);
        registry.store("acme", "app", "1.0", "app-1.0.jar", Files.readAllBytes(jar.path()));
        registry.faults().failNext("GET", 1, 403);

        List<PublishedFile> result = publish(List.of(jar), 1);

        assertEquals(List.of(Outcome.IDENTICAL), outcomes(result));
        assertEquals(List.of(409), putStatuses());
    }

    @Test
    void whenTheListingIsRefusedChangedContentFoundThrough409FailsAndLeavesTheRemoteFile() throws Exception {
        UploadFile jar = file("app-1.0.jar", 4000);
        storeEarlierJarBehindRefusedListings(1);

        PublishException e = assertThrows(PublishException.class, () -> publish(List.of(jar), ExistingFilePolicy.FAIL));

        assertTrue(e.getMessage().contains("failed: HTTP 409"), e.getMessage());
        assertTrue(e.getMessage().contains(" It holds 'app-1.0.jar' (server: 2.9 KiB, sha256 "), e.getMessage());
        assertTrue(
                listener.events.contains(
                        "debug Cannot list the files of acme/app/1.0 (HTTP 403 Forbidden \"403 Forbidden\"); a file"
                                + " that already exists will show as HTTP 409 when uploaded."),
                listener.events.toString());
        assertEquals(List.of(409), putStatuses());
        assertEarlierJarKept();
    }

    @Test
    void whenTheListingIsRefusedSkipKeepsTheRemoteFileFoundThrough409() throws Exception {
        UploadFile jar = file("app-1.0.jar", 4000);
        storeEarlierJarBehindRefusedListings(1);

        List<PublishedFile> result = publish(List.of(jar), ExistingFilePolicy.SKIP);

        assertEquals(List.of(Outcome.SKIPPED), outcomes(result));
        assertEquals(1, listener.starting("warn").size(), listener.events.toString());
        assertTrue(listener.starting("warn").get(0).startsWith("warn Kept 'app-1.0.jar' (server: 2.9 KiB"));
        assertEquals(List.of(409), putStatuses());
        assertEarlierJarKept();
    }

    @Test
    void whenTheListingIsRefusedReplaceDeletesAndUploadsAfterThe409() throws Exception {
        UploadFile jar = file("app-1.0.jar", 4000);
        storeEarlierJarBehindRefusedListings(1);

        List<PublishedFile> result = publish(List.of(jar), ExistingFilePolicy.REPLACE);

        assertEquals(List.of(Outcome.REPLACED), outcomes(result));
        assertEquals(
                List.of("GET 403", "PUT 409", "GET 200", "DELETE 204", "PUT 201", "GET 200"),
                registry.requests().stream()
                        .map(r -> r.method() + " " + r.status())
                        .toList());
        assertStored(jar);
    }

    @Test
    void whenTheListingIsRefusedAFreshSignatureOfAnIdenticalFileFoundThrough409KeepsTheServers() throws Exception {
        // a signed release re-run where the first listing was refused: both files answer 409
        UploadFile jar = file("app-1.0.jar", 4000);
        UploadFile signature = file("app-1.0.jar.asc", 228);
        byte[] firstSignature = "signature of the first run".getBytes(StandardCharsets.UTF_8);
        registry.store("acme", "app", "1.0", "app-1.0.jar", Files.readAllBytes(jar.path()));
        registry.store("acme", "app", "1.0", "app-1.0.jar.asc", firstSignature);
        registry.faults().failNext("GET", 1, 403);

        List<PublishedFile> result = publish(List.of(jar, signature), ExistingFilePolicy.FAIL);

        assertEquals(List.of(Outcome.IDENTICAL, Outcome.SIGNATURE_KEPT), outcomes(result));
        assertEquals(List.of(409, 409), putStatuses());
        assertArrayEquals(
                firstSignature,
                registry.file("acme", "app", "1.0", "app-1.0.jar.asc")
                        .orElseThrow()
                        .bytes());
        assertEquals(
                List.of("info Kept the server's signature app-1.0.jar.asc of the identical app-1.0.jar (a signature"
                        + " carries its creation time, so every run makes a new one; the server's signs the same"
                        + " content)."),
                listener.starting("info Kept"));
    }

    @Test
    void aSignatureFoundThrough409GoesWithItsFileWhenThatFileIsReplaced() throws Exception {
        // onExisting=replace: the jar is replaced, so the server's signature (of the earlier jar) must go too
        UploadFile jar = file("app-1.0.jar", 4000);
        UploadFile signature = file("app-1.0.jar.asc", 228);
        storeEarlierSignedJarBehindRefusedListings();

        List<PublishedFile> result = publish(List.of(jar, signature), ExistingFilePolicy.REPLACE);

        assertEquals(List.of(Outcome.REPLACED, Outcome.REPLACED), outcomes(result));
        assertStored(jar);
        assertStored(signature);
    }

    @Test
    void aSignatureOfAFileWithOtherContentFoundThrough409FollowsThePolicy() throws Exception {
        UploadFile jar = file("app-1.0.jar", 4000);
        UploadFile signature = file("app-1.0.jar.asc", 228);
        storeEarlierSignedJarBehindRefusedListings();

        List<PublishedFile> result = publish(List.of(jar, signature), ExistingFilePolicy.SKIP);

        assertEquals(List.of(Outcome.SKIPPED, Outcome.SKIPPED), outcomes(result), "the server's pair stays");
        assertEarlierJarKept();
    }

    @Test
    void whenTheListingStaysRefusedA409CannotBeComparedAndFailsWhateverThePolicy() throws Exception {
        UploadFile jar = file("app-1.0.jar", 4000);
        storeEarlierJarBehindRefusedListings(5);

        PublishException e =
                assertThrows(PublishException.class, () -> publish(List.of(jar), ExistingFilePolicy.REPLACE));

        assertTrue(
                e.getMessage()
                        .contains(" The content could not be compared because the files listing was refused"
                                + " (HTTP 403 Forbidden \"403 Forbidden\")."),
                e.getMessage());
        assertEquals(List.of(409), putStatuses());
        assertEarlierJarKept();
    }

    @Test
    void aMismatchFoundByVerificationFailsNamingTheFile() throws Exception {
        UploadFile jar = file("app-1.0.jar", 4000);
        UploadFile zip = file("app-1.0.zip", 4000);
        PublishListener tampering = new RecordingListener() {
            @Override
            public void uploaded(UploadFile file, URI uri, long size, Duration took) {
                if (file.fileName().equals("app-1.0.zip")) {
                    registry.remove("acme", "app", "1.0", "app-1.0.zip");
                    registry.store("acme", "app", "1.0", "app-1.0.zip", new byte[4000]);
                }
            }
        };
        PublishException e = assertThrows(
                PublishException.class,
                () -> new Publisher(client, settings, noWaiting(), new PublishOptions(true, true, 1), tampering)
                        .publish(List.of(publication(List.of(jar, zip)))));

        assertTrue(
                e.getMessage()
                        .startsWith("Verification of acme/app/1.0 failed: the server does not hold what was sent:"),
                e.getMessage());
        assertTrue(e.getMessage().contains("- 'app-1.0.zip' (server: 3.9 KiB, sha256 "), e.getMessage());
        assertFalse(e.getMessage().contains("'app-1.0.jar'"), e.getMessage());
        assertTrue(e.getMessage().contains("Rolled back: deleted app-1.0.jar, app-1.0.zip again"), e.getMessage());
    }

    @Test
    void parallelUploadsSendTheFirstFileAloneAndLogInPlanOrder() throws Exception {
        registry.faults().latency(Duration.ofMillis(100));
        List<UploadFile> files = new ArrayList<>();
        files.add(file("f0.bin", 1000));
        files.add(file("f1.bin", 8 * 1024 * 1024));
        for (int i = 2; i < 10; i++) {
            files.add(file("f" + i + ".bin", 1000));
        }

        List<PublishedFile> result = publish(files, 4);

        assertEquals(
                10, result.stream().filter(f -> f.outcome() == Outcome.UPLOADED).count());
        files.forEach(this::assertStored);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            expected.add("uploading f" + i + ".bin");
            expected.add("uploaded f" + i + ".bin");
        }
        assertEquals(
                expected,
                listener.events.stream().filter(e -> e.startsWith("upload")).toList());
        // Every answer is held back 100 ms (the latency), so a file sent beside f0 would arrive before f0's
        // answer: each other PUT must start after f0 was answered, as timed on the emulator's connections.
        RecordedRequest first = puts().stream()
                .filter(r -> r.rawTarget().endsWith("/f0.bin"))
                .findFirst()
                .orElseThrow();
        for (RecordedRequest other : puts()) {
            if (other != first) {
                assertTrue(
                        other.startedAfterAnswerTo(first),
                        other.rawTarget() + " started before the first file was answered: the first goes alone");
            }
        }
    }

    @Test
    void aParallelFailureWaitsForTheOthersAndRollsBackEverythingCreated() throws Exception {
        List<UploadFile> files = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            files.add(file("f" + i + ".bin", 2000));
        }
        PublishListener armsAfterTheFirst = new RecordingListener() {
            @Override
            public void uploaded(UploadFile file, URI uri, long size, Duration took) {
                if (file.fileName().equals("f0.bin")) {
                    registry.faults().failNext("PUT", 1, 400);
                }
            }
        };

        PublishException e = assertThrows(
                PublishException.class,
                () -> new Publisher(client, settings, noWaiting(), new PublishOptions(true, true, 3), armsAfterTheFirst)
                        .publish(List.of(publication(files))));

        assertTrue(e.getMessage().contains("failed: HTTP 400"), e.getMessage());
        assertEquals(6, puts().size(), "one PUT per file: the failed one is not retried, the others all finish");
        assertTrue(e.getMessage().contains("Rolled back: deleted f0.bin, "), e.getMessage());
        assertEquals(
                List.of(),
                registry.files("acme", "app", "1.0").stream()
                        .map(StoredFile::name)
                        .toList());
    }

    private void useTimeout(Duration timeout) throws IOException {
        client.close();
        settings = new ClientSettings("forge-maven-plugin/test", Duration.ofSeconds(5), timeout, 4);
        client = new RegistryClient(settings);
    }

    private List<PublishedFile> publish(List<UploadFile> files, int parallel) throws Exception {
        return publish(files, parallel, ExistingFilePolicy.FAIL);
    }

    private List<PublishedFile> publish(List<UploadFile> files, ExistingFilePolicy onExisting) throws Exception {
        return publish(files, 1, onExisting);
    }

    private List<PublishedFile> publish(List<UploadFile> files, int parallel, ExistingFilePolicy onExisting)
            throws Exception {
        return new Publisher(client, settings, noWaiting(), new PublishOptions(true, true, parallel), listener)
                .publish(List.of(publication(files, onExisting)));
    }

    /**
     * Stores {@link #EARLIER} as app-1.0.jar, as an earlier run with other content would have, and has the
     * next {@code refusedListings} listings refused (403), so that only a PUT's 409 can reveal the file.
     */
    private void storeEarlierJarBehindRefusedListings(int refusedListings) {
        registry.store("acme", "app", "1.0", "app-1.0.jar", EARLIER);
        registry.faults().failNext("GET", refusedListings, 403);
    }

    /** {@link #storeEarlierJarBehindRefusedListings} with the earlier jar's signature beside it, one listing refused. */
    private void storeEarlierSignedJarBehindRefusedListings() {
        registry.store("acme", "app", "1.0", "app-1.0.jar.asc", "signature of the earlier jar".getBytes());
        storeEarlierJarBehindRefusedListings(1);
    }

    private void assertEarlierJarKept() {
        assertArrayEquals(
                EARLIER,
                registry.file("acme", "app", "1.0", "app-1.0.jar").orElseThrow().bytes());
    }

    private Retrying noWaiting() {
        return new Retrying(3, Duration.ZERO, Duration.ZERO, d -> {}, retryWarnings::add);
    }

    private Publication publication(List<UploadFile> files) throws InvalidInputException {
        return publication(files, ExistingFilePolicy.FAIL);
    }

    private Publication publication(List<UploadFile> files, ExistingFilePolicy onExisting)
            throws InvalidInputException {
        PublicationPlan plan =
                PublicationPlan.of(new PublicationPlan.Settings(registry.baseUrl(), "acme", "app", "1.0"), files);
        return new Publication(plan, WRITER, onExisting);
    }

    private UploadFile file(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(name.hashCode()).nextBytes(bytes);
        return new UploadFile(name, Files.write(dir.resolve(name), bytes), "file " + name);
    }

    private void assertStored(UploadFile file) {
        try {
            StoredFile stored =
                    registry.file("acme", "app", "1.0", file.fileName()).orElseThrow();
            assertArrayEquals(Files.readAllBytes(file.path()), stored.bytes());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private List<RecordedRequest> puts() {
        return registry.requests().stream()
                .filter(r -> r.method().equals("PUT"))
                .toList();
    }

    private List<Integer> putStatuses() {
        return puts().stream().map(RecordedRequest::status).toList();
    }

    private static List<Outcome> outcomes(List<PublishedFile> files) {
        return files.stream().map(PublishedFile::outcome).toList();
    }
}
