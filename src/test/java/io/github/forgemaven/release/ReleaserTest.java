package io.github.forgemaven.release;

import static io.github.forgemaven.testing.AgainstEmulator.SETTINGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.registry.http.ClientSettings;
import io.github.forgemaven.registry.http.Credentials;
import io.github.forgemaven.registry.http.Fingerprint;
import io.github.forgemaven.registry.http.RegistryClient;
import io.github.forgemaven.registry.http.Retrying;
import io.github.forgemaven.registry.plan.ExistingFilePolicy;
import io.github.forgemaven.registry.plan.UploadFile;
import io.github.forgemaven.testing.AgainstEmulator;
import io.github.forgemaven.testing.RecordedRequest;
import io.github.forgemaven.testing.RegistryEmulator;
import io.github.forgemaven.testing.StandardFixture;
import io.github.forgemaven.testing.forge.Flavour;
import io.github.forgemaven.testing.forge.release.Release;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release run against the emulator's releases API: what it stored, and which requests it sent. */
class ReleaserTest {

    private static final Credentials RELEASER =
            Credentials.basic("deployer", StandardFixture.RELEASE_TOKEN, "<server> 'forge' in settings.xml");
    private static final Credentials PACKAGES_ONLY = AgainstEmulator.WRITER;

    @TempDir
    Path dir;

    private RegistryEmulator emulator;
    private final List<String> lines = new ArrayList<>();
    private final ReleaseLog log = new ReleaseLog() {
        @Override
        public void info(String line) {
            lines.add("info " + line);
        }

        @Override
        public void warn(String line) {
            lines.add("warn " + line);
        }
    };

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private String head() {
        return emulator.repository("acme", "app").head().orElseThrow();
    }

    private UploadFile file(String name, String content) throws Exception {
        Path path = dir.resolve(name);
        Files.writeString(path, content);
        return new UploadFile(name, path, "attached " + name);
    }

    private ReleasePlan plan(ExistingFilePolicy policy, boolean draft, boolean link, List<UploadFile> assets)
            throws Exception {
        return ReleasePlan.of(
                new ReleasePlan.Settings(
                        emulator.baseUrl(),
                        "acme",
                        "app",
                        "v1.0",
                        head(),
                        null,
                        "notes",
                        false,
                        draft,
                        "SHA256SUMS",
                        policy,
                        false,
                        link,
                        "app",
                        "1.0",
                        dir.resolve("work")),
                assets);
    }

    private ReleaseOutcome release(ReleasePlan plan, Credentials credentials) throws Exception {
        try (RegistryClient client = new RegistryClient(SETTINGS)) {
            return new Releaser(client, noRetries(2), credentials, log).release(plan);
        }
    }

    private static Retrying noRetries(int retries) {
        return new Retrying(retries, Duration.ZERO, Duration.ZERO, d -> {}, w -> {});
    }

    private List<String> writes() {
        return emulator.requests().stream()
                .filter(r -> !r.method().equals("GET"))
                .map(r -> r.method() + " " + r.rawTarget().replaceAll("\\?.*", ""))
                .toList();
    }

    @Test
    void createsADraftUploadsEveryAssetAndTheChecksumsThenPublishes() throws Exception {
        emulator = StandardFixture.start();
        UploadFile jar = file("app-1.0.jar", "jar bytes");
        UploadFile zip = file("app-1.0-dist.zip", "zip bytes!");

        ReleaseOutcome outcome = release(plan(ExistingFilePolicy.FAIL, false, false, List.of(jar, zip)), RELEASER);

        Release stored = emulator.release("acme", "app", "v1.0").orElseThrow();
        assertFalse(stored.draft());
        assertEquals(head(), stored.target());
        assertEquals(List.of("SHA256SUMS", "app-1.0-dist.zip", "app-1.0.jar"), stored.assetNames());
        assertEquals(
                Fingerprint.of(jar.path()).sha256(),
                stored.asset("app-1.0.jar").orElseThrow().sha256());
        assertEquals(
                Fingerprint.of(jar.path()).sha256() + "  app-1.0.jar\n"
                        + Fingerprint.of(zip.path()).sha256() + "  app-1.0-dist.zip\n",
                new String(stored.asset("SHA256SUMS").orElseThrow().bytes(), StandardCharsets.UTF_8));
        String r = "/api/v1/repos/acme/app/releases";
        long id = stored.id();
        assertEquals(
                List.of(
                        "POST " + r,
                        "POST " + r + "/" + id + "/assets",
                        "POST " + r + "/" + id + "/assets",
                        "POST " + r + "/" + id + "/assets",
                        "PATCH " + r + "/" + id),
                writes());
        RecordedRequest create = emulator.requests().stream()
                .filter(q -> q.method().equals("POST") && q.rawTarget().equals(r))
                .findFirst()
                .orElseThrow();
        assertEquals(201, create.status());
        assertEquals(3, outcome.assets().size());
        assertTrue(outcome.url().endsWith("/acme/app/releases/tag/v1.0"), outcome.url());
        assertTrue(
                outcome.assets().get(0).url().endsWith("/acme/app/releases/download/v1.0/app-1.0.jar"),
                outcome.assets().get(0).url());
    }

    @Test
    void aRerunOfAFinishedReleaseSendsNoWrite() throws Exception {
        emulator = StandardFixture.start();
        List<UploadFile> assets = List.of(file("app-1.0.jar", "jar bytes"));
        release(plan(ExistingFilePolicy.FAIL, false, false, assets), RELEASER);
        emulator.clearRequests();

        ReleaseOutcome again = release(plan(ExistingFilePolicy.FAIL, false, false, assets), RELEASER);

        assertEquals(List.of(), writes());
        assertEquals("kept", again.assets().get(0).action());
        assertEquals(
                2,
                emulator.release("acme", "app", "v1.0").orElseThrow().assets().size());
    }

    @Test
    void anAssetStoredBeforeA504IsNotSentTwice() throws Exception {
        emulator = StandardFixture.start();
        emulator.faults().storeAssetUploadThenAnswer(1, 504);

        release(plan(ExistingFilePolicy.FAIL, false, false, List.of(file("app-1.0.jar", "jar bytes"))), RELEASER);

        Release stored = emulator.release("acme", "app", "v1.0").orElseThrow();
        assertEquals(List.of("SHA256SUMS", "app-1.0.jar"), stored.assetNames());
        assertFalse(stored.draft());
        assertTrue(lines.stream().anyMatch(l -> l.contains("the server had stored it")), lines.toString());
    }

    @Test
    void aFailedUploadDeletesTheDraftThisRunCreated() throws Exception {
        emulator = StandardFixture.start();
        emulator.faults().failNext("POST", ".*/assets", 1, 400);
        ReleasePlan plan = plan(ExistingFilePolicy.FAIL, false, false, List.of(file("app-1.0.jar", "jar bytes")));

        ReleaseException e = assertThrows(ReleaseException.class, () -> release(plan, RELEASER));

        assertTrue(e.getMessage().contains("Rolled back: deleted the draft release v1.0"), e.getMessage());
        assertTrue(emulator.release("acme", "app", "v1.0").isEmpty());
        release(plan, RELEASER);
        assertFalse(emulator.release("acme", "app", "v1.0").orElseThrow().draft());
    }

    @Test
    void aChangedAssetFailsUnderFailAndIsReplacedUnderReplace() throws Exception {
        emulator = StandardFixture.start();
        release(plan(ExistingFilePolicy.FAIL, false, false, List.of(file("app-1.0.jar", "jar bytes"))), RELEASER);
        emulator.clearRequests();
        List<UploadFile> changed = List.of(file("app-1.0.jar", "other jar bytes"));

        ReleaseException e = assertThrows(
                ReleaseException.class, () -> release(plan(ExistingFilePolicy.FAIL, false, false, changed), RELEASER));
        assertTrue(e.getMessage().contains("already holds app-1.0.jar"), e.getMessage());
        assertTrue(e.getMessage().contains("<onExisting>replace</onExisting>"), e.getMessage());
        assertEquals(List.of(), writes());

        release(plan(ExistingFilePolicy.REPLACE, false, false, changed), RELEASER);
        Release stored = emulator.release("acme", "app", "v1.0").orElseThrow();
        assertEquals(1, stored.assetsNamed("app-1.0.jar").size());
        assertEquals(
                "other jar bytes",
                new String(stored.asset("app-1.0.jar").orElseThrow().bytes()));
        assertTrue(new String(stored.asset("SHA256SUMS").orElseThrow().bytes())
                .startsWith(Fingerprint.of(changed.get(0).path()).sha256()));
    }

    @Test
    void draftStaysADraft() throws Exception {
        emulator = StandardFixture.start();
        release(plan(ExistingFilePolicy.FAIL, true, false, List.of(file("app-1.0.jar", "jar bytes"))), RELEASER);
        assertTrue(emulator.release("acme", "app", "v1.0").orElseThrow().draft());
    }

    @Test
    void aTokenWithoutWriteRepositoryIsToldTheScope() throws Exception {
        emulator = StandardFixture.start();
        ReleasePlan plan = plan(ExistingFilePolicy.FAIL, false, false, List.of(file("app-1.0.jar", "jar bytes")));

        ReleaseException e = assertThrows(ReleaseException.class, () -> release(plan, PACKAGES_ONLY));

        assertTrue(e.getMessage().contains("write:repository"), e.getMessage());
        assertTrue(emulator.releaseRows("acme", "app").isEmpty());
    }

    @Test
    void aTagAtAnotherCommitFailsNamingBoth() throws Exception {
        emulator = StandardFixture.start();
        String old = head();
        emulator.repository("acme", "app").pushTag("v1.0", old);
        emulator.repository("acme", "app").commit();
        ReleasePlan plan = plan(ExistingFilePolicy.FAIL, false, false, List.of(file("app-1.0.jar", "jar bytes")));

        ReleaseException e = assertThrows(ReleaseException.class, () -> release(plan, RELEASER));

        assertTrue(e.getMessage().contains("points at commit " + old), e.getMessage());
        assertTrue(e.getMessage().contains(head()), e.getMessage());
    }

    @Test
    void aPushedTagIsConvertedIntoTheRelease() throws Exception {
        emulator = StandardFixture.start();
        emulator.repository("acme", "app").pushTag("v1.0", head());

        release(plan(ExistingFilePolicy.FAIL, false, false, List.of(file("app-1.0.jar", "jar bytes"))), RELEASER);

        Release stored = emulator.release("acme", "app", "v1.0").orElseThrow();
        assertFalse(stored.draft());
        assertFalse(stored.tagOnly());
        assertEquals(1, emulator.releaseRows("acme", "app").size());
    }

    @Test
    void oldGiteaGetsAStreamedMultipartBody() throws Exception {
        emulator = StandardFixture.start(
                RegistryEmulator.builder().flavour(Flavour.GITEA).appVersion("1.21.11"));

        release(plan(ExistingFilePolicy.FAIL, false, false, List.of(file("app-1.0.jar", "jar bytes"))), RELEASER);

        assertEquals(
                "jar bytes",
                new String(emulator.release("acme", "app", "v1.0")
                        .orElseThrow()
                        .asset("app-1.0.jar")
                        .orElseThrow()
                        .bytes()));
        assertTrue(emulator.requests().stream()
                .filter(q -> q.rawTarget().contains("/assets"))
                .filter(q -> q.method().equals("POST"))
                .allMatch(q -> q.header("Content-Type").startsWith("multipart/form-data")));
    }

    @Test
    void linksPackageFilesOnForgejoAndUploadsOnGitea() throws Exception {
        emulator = StandardFixture.start();
        UploadFile jar = file("app-1.0.jar", "jar bytes");
        release(plan(ExistingFilePolicy.FAIL, false, true, List.of(jar)), RELEASER);
        Release stored = emulator.release("acme", "app", "v1.0").orElseThrow();
        assertEquals(
                emulator.baseUrl() + "/api/packages/acme/generic/app/1.0/app-1.0.jar",
                stored.asset("app-1.0.jar").orElseThrow().externalUrl());
        emulator.close();

        emulator = StandardFixture.start(Flavour.GITEA);
        release(plan(ExistingFilePolicy.FAIL, false, true, List.of(jar)), RELEASER);
        assertFalse(emulator.release("acme", "app", "v1.0")
                .orElseThrow()
                .asset("app-1.0.jar")
                .orElseThrow()
                .external());
        assertTrue(
                lines.stream().anyMatch(l -> l.startsWith("warn <linkPackageFiles> needs Forgejo v9")),
                lines.toString());
    }

    private ReleasePlan planFor(String repository, String tag, String target, List<UploadFile> assets)
            throws Exception {
        return ReleasePlan.of(
                new ReleasePlan.Settings(
                        emulator.baseUrl(),
                        "acme",
                        repository,
                        tag,
                        target,
                        null,
                        "notes",
                        false,
                        false,
                        "SHA256SUMS",
                        ExistingFilePolicy.FAIL,
                        false,
                        false,
                        "app",
                        "1.0",
                        dir.resolve("work")),
                assets);
    }

    @Test
    void aDryRunSaysWhatItWouldCreateAndUploadAndSendsNothing() throws Exception {
        emulator = StandardFixture.start();
        UploadFile jar = file("app-1.0.jar", "jar bytes");
        UploadFile zip = file("app-1.0-dist.zip", "zip bytes!");

        Releaser.dryRun(plan(ExistingFilePolicy.FAIL, false, false, List.of(jar, zip)), log);

        assertEquals(
                List.of(
                        "info Dry run: would create or update release v1.0 of acme/app at commit " + head()
                                + " (release, title 'v1.0'), with 2 asset(s), 19 B, and SHA256SUMS; nothing sent.",
                        "info   would upload app-1.0.jar (9 B, attached app-1.0.jar)",
                        "info   would upload app-1.0-dist.zip (10 B, attached app-1.0-dist.zip)"),
                lines);
        assertEquals(List.of(), emulator.requests());
    }

    @Test
    void aConflictOnCreateWithNoReleaseToFindSaysOneExistsMaybeADraft() throws Exception {
        emulator = StandardFixture.start();
        emulator.faults().failNext("POST", "/api/v1/repos/acme/app/releases", 1, 409);
        ReleasePlan plan = plan(ExistingFilePolicy.FAIL, false, false, List.of(file("app-1.0.jar", "jar bytes")));

        ReleaseException e = assertThrows(ReleaseException.class, () -> release(plan, RELEASER));

        assertTrue(e.getMessage().contains("failed: HTTP 409"), e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains("A release for tag v1.0 already exists on acme/app (maybe a draft, and the"
                                + " server compares tags ignoring case"),
                e.getMessage());
        assertTrue(e.fixableByUser());
        assertEquals(List.of("POST /api/v1/repos/acme/app/releases"), writes());
    }

    @Test
    void aReleaseWhoseTagDiffersInCaseIsTheSameRelease() throws Exception {
        emulator = StandardFixture.start();
        Release existing = emulator.repository("acme", "app").addRelease("V1.0", "V1.0", false, false);
        emulator.clearRequests();

        release(plan(ExistingFilePolicy.FAIL, false, false, List.of(file("app-1.0.jar", "jar bytes"))), RELEASER);

        assertEquals(1, emulator.releaseRows("acme", "app").size());
        Release stored = emulator.release("acme", "app", "V1.0").orElseThrow();
        assertEquals(existing.id(), stored.id());
        assertEquals(List.of("SHA256SUMS", "app-1.0.jar"), stored.assetNames());
        assertTrue(
                writes().stream().noneMatch(w -> w.equals("POST /api/v1/repos/acme/app/releases")),
                writes().toString());
    }

    @Test
    void anEmptyRepositoryIsRefusedBeforeAnyWrite() throws Exception {
        emulator = StandardFixture.start();
        emulator.addRepository("acme", "fresh");

        ReleaseException e = assertThrows(
                ReleaseException.class,
                () -> release(planFor("fresh", "v1.0", head(), List.of(file("app-1.0.jar", "jar bytes"))), RELEASER));

        assertTrue(
                e.getMessage().startsWith("acme/fresh is empty: push its commits (and the tag) before releasing."),
                e.getMessage());
        assertEquals(List.of(), writes());
    }

    @Test
    void anUnknownRepositoryIsRefusedNamingOwnerAndRepository() throws Exception {
        emulator = StandardFixture.start();

        ReleaseException e = assertThrows(
                ReleaseException.class,
                () -> release(planFor("nope", "v1.0", head(), List.of(file("app-1.0.jar", "jar bytes"))), RELEASER));

        assertTrue(
                e.getMessage()
                        .startsWith("Repository acme/nope does not exist on " + emulator.baseUrl()
                                + ", or user 'deployer' cannot see it: check <owner> and <repository>"
                                + " (forge.repository)."),
                e.getMessage());
        assertEquals(List.of(), writes());
    }

    @Test
    void aTargetCommitTheServerDoesNotHaveIsRefusedBeforeAnyWrite() throws Exception {
        emulator = StandardFixture.start();
        String unpushed = "0123456789abcdef0123456789abcdef01234567";

        ReleaseException e = assertThrows(
                ReleaseException.class,
                () -> release(planFor("app", "v1.0", unpushed, List.of(file("app-1.0.jar", "jar bytes"))), RELEASER));

        assertTrue(
                e.getMessage()
                        .startsWith("Commit " + unpushed + ", which this build was made from, is not in acme/app on "
                                + emulator.baseUrl() + ": push it (git push) before releasing"),
                e.getMessage());
        assertEquals(List.of(), writes());
        assertTrue(emulator.releaseRows("acme", "app").isEmpty());
    }

    @Test
    void aProtectedTagFailsThePublishWithAHintAndTheDraftIsRolledBack() throws Exception {
        emulator = StandardFixture.start();
        emulator.repository("acme", "app").protectTags("v*");
        ReleasePlan plan = plan(ExistingFilePolicy.FAIL, false, false, List.of(file("app-1.0.jar", "jar bytes")));

        ReleaseException e = assertThrows(ReleaseException.class, () -> release(plan, RELEASER));

        assertTrue(e.getMessage().contains("PATCH "), e.getMessage());
        assertTrue(e.getMessage().contains("failed: HTTP 500"), e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains("Publishing the release creates tag v1.0 at commit " + head() + ", and the server"
                                + " failed doing so: it does when the tag is protected"),
                e.getMessage());
        assertTrue(e.getMessage().contains("git tag v1.0 " + head() + " && git push origin v1.0"), e.getMessage());
        assertTrue(e.getMessage().contains("Rolled back: deleted the draft release v1.0"), e.getMessage());
        assertTrue(emulator.release("acme", "app", "v1.0").isEmpty());
    }

    @Test
    void aPullMirrorIsRefusedBeforeAnyWrite() throws Exception {
        emulator = StandardFixture.start();
        emulator.repository("acme", "app").pullMirror();

        ReleaseException e = assertThrows(
                ReleaseException.class,
                () -> release(
                        plan(ExistingFilePolicy.FAIL, false, false, List.of(file("app-1.0.jar", "jar bytes"))),
                        RELEASER));

        assertTrue(
                e.getMessage()
                        .startsWith("acme/app is a pull mirror: the next mirror sync may remove a release made there."
                                + " Make the release in the repository it mirrors"),
                e.getMessage());
        assertEquals(List.of(), writes());
    }

    @Test
    void aSlowAssetUploadReportsItsProgressThenItsEnd() throws Exception {
        emulator = StandardFixture.start();
        emulator.faults().latency(Duration.ofMillis(600));
        UploadFile jar = file("app-1.0.jar", "jar bytes");
        List<String> events = new ArrayList<>();
        ReleaseLog recording = new ReleaseLog() {
            @Override
            public void info(String line) {}

            @Override
            public void warn(String line) {}

            @Override
            public void progress(UploadFile asset, long sent, long total, Duration elapsed) {
                events.add("progress " + asset.fileName() + " " + sent + "/" + total);
            }

            @Override
            public void uploadEnded(UploadFile asset) {
                events.add("ended " + asset.fileName());
            }
        };
        ClientSettings quickWatchdog =
                new ClientSettings("forge-maven-plugin/test", Duration.ofSeconds(5), Duration.ofSeconds(1));

        try (RegistryClient client = new RegistryClient(quickWatchdog)) {
            new Releaser(client, noRetries(0), RELEASER, recording)
                    .release(plan(ExistingFilePolicy.FAIL, false, false, List.of(jar)));
        }

        int jarEnded = events.indexOf("ended app-1.0.jar");
        assertTrue(jarEnded > 0, events.toString());
        assertTrue(events.subList(0, jarEnded).contains("progress app-1.0.jar 9/9"), events.toString());
        assertTrue(events.contains("ended SHA256SUMS"), events.toString());
    }
}
