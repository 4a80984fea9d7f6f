package io.github.forgemaven.release;

import io.github.forgemaven.registry.Sizes;
import io.github.forgemaven.registry.http.Credentials;
import io.github.forgemaven.registry.http.Fingerprint;
import io.github.forgemaven.registry.http.RegistryClient;
import io.github.forgemaven.registry.http.RegistryResponseException;
import io.github.forgemaven.registry.http.Retrying;
import io.github.forgemaven.registry.http.ServerVersion;
import io.github.forgemaven.registry.http.releases.ReleasesApi;
import io.github.forgemaven.registry.http.releases.RemoteAsset;
import io.github.forgemaven.registry.http.releases.RemoteRelease;
import io.github.forgemaven.registry.plan.Parameter;
import io.github.forgemaven.registry.plan.UploadFile;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes the release of a tag with its assets, so that it appears whole or not at all: a new release
 * is created as a draft, filled, and only then published; an existing one is reused, and only what
 * is missing or different is sent; a failure takes back what this run created.
 */
public final class Releaser {

    private final RegistryClient client;
    private final Retrying retrying;
    private final Credentials credentials;
    private final ReleaseLog log;

    public Releaser(RegistryClient client, Retrying retrying, Credentials credentials, ReleaseLog log) {
        this.client = client;
        this.retrying = retrying;
        this.credentials = credentials;
        this.log = log;
    }

    /** Logs what a run of {@code plan} would create and upload, without sending anything. */
    public static void dryRun(ReleasePlan plan, ReleaseLog log) {
        log.info("Dry run: would create or update release " + plan.tag() + " of " + plan.describe() + " at commit "
                + plan.target() + " (" + (plan.draft() ? "draft" : plan.prerelease() ? "pre-release" : "release")
                + ", title '" + plan.title() + "'), with " + plan.assets().size() + " asset(s), "
                + Sizes.format(plan.totalBytes()) + (plan.checksums() == null ? "" : ", and " + plan.checksums())
                + "; nothing sent.");
        for (UploadFile asset : plan.assets()) {
            log.info("  would " + (plan.packageFiles() == null ? "upload" : "link") + " " + asset.fileName() + " ("
                    + Sizes.format(asset.path().toFile().length()) + ", " + asset.origin() + ")");
        }
    }

    /**
     * Makes the release.
     *
     * @throws ReleaseException saying what failed, the fix, and what was rolled back
     */
    public ReleaseOutcome release(ReleasePlan plan) throws ReleaseException {
        Optional<ServerVersion> server = client.serverVersion(plan.server(), credentials);
        Run run = new Run(plan, server);
        try {
            return run.go();
        } catch (RegistryResponseException e) {
            String rolledBack = run.rollBack();
            throw new ReleaseException(
                    e.failure().summary() + System.lineSeparator() + "  "
                            + ReleaseHints.forFailure(e.failure(), run.step, plan, credentials, server, run.bodyBytes)
                            + server.map(v -> System.lineSeparator() + "  Server: " + v + ".")
                                    .orElse("")
                            + rolledBack,
                    e,
                    e.failure().status() < 500);
        } catch (IOException e) {
            String rolledBack = run.rollBack();
            throw new ReleaseException(
                    "Release " + plan.tag() + " of " + plan.describe() + " failed: " + e
                            + System.lineSeparator() + "  Check that " + plan.server() + " is reachable, then run"
                            + " the build again." + rolledBack,
                    e,
                    false);
        } catch (Refusal e) {
            String rolledBack = run.rollBack();
            throw new ReleaseException(e.getMessage() + rolledBack, null, true);
        }
    }

    /** A problem found before or between requests that the user must fix. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        Refusal(String message) {
            super(message);
        }
    }

    private final class Run {
        private final ReleasePlan plan;
        private final Optional<ServerVersion> server;
        private final ReleasesApi api;
        private final boolean multipart;
        private final boolean canLink;
        private final Map<String, Fingerprint> local = new HashMap<>();
        private final List<RemoteAsset> added = new ArrayList<>();
        private final List<String> replaced = new ArrayList<>();
        private ReleaseHints.Step step = ReleaseHints.Step.LOOKUP;
        private long bodyBytes;
        private RemoteRelease createdDraft;
        private long releaseId = -1;

        Run(ReleasePlan plan, Optional<ServerVersion> server) {
            this.plan = plan;
            this.server = server;
            this.api = new ReleasesApi(client, plan.server(), plan.owner(), plan.repository(), credentials);
            this.multipart = server.map(v -> v.isForgejo() ? !v.atLeast(7, 0) : !v.atLeast(1, 22))
                    .orElse(false);
            this.canLink = server.map(v -> v.isForgejo() && v.atLeast(9, 0)).orElse(false);
        }

        ReleaseOutcome go() throws RegistryResponseException, IOException, Refusal {
            checkRepository();
            Optional<RemoteRelease> existing = read("GET release " + plan.tag(), () -> api.releaseByTag(plan.tag()));
            boolean linking = plan.packageFiles() != null && canLink;
            if (plan.packageFiles() != null && !canLink) {
                log.warn(Parameter.LINK_PACKAGE_FILES.element() + " needs Forgejo v9 or later; "
                        + server.map(ServerVersion::toString).orElse("this server") + " does not link assets, so"
                        + " they are uploaded instead.");
            }
            RemoteRelease release = existing.isPresent() ? existing.get() : create();
            releaseId = release.id();
            if (existing.isPresent()) {
                log.info("Release " + plan.tag() + " of " + plan.describe() + " exists ("
                        + (release.draft() ? "draft" : "published") + ", "
                        + release.assets().size()
                        + " asset(s)): keeping what is identical, adding what is missing.");
            }
            List<RemoteAsset> remote = read("GET assets", () -> api.assets(release.id()));
            Map<String, List<RemoteAsset>> byName = new LinkedHashMap<>();
            for (RemoteAsset asset : remote) {
                byName.computeIfAbsent(asset.name(), k -> new ArrayList<>()).add(asset);
            }
            Map<String, String> remoteSums = remoteChecksums(byName);
            List<ReleaseOutcome.Asset> outcomes = new ArrayList<>();
            List<UploadFile> toSend = new ArrayList<>();
            List<RemoteAsset> toDelete = new ArrayList<>();
            List<String> conflicts = new ArrayList<>();
            for (UploadFile file : plan.assets()) {
                List<RemoteAsset> same = byName.getOrDefault(file.fileName(), List.of());
                long size = file.path().toFile().length();
                if (same.isEmpty()) {
                    toSend.add(file);
                    continue;
                }
                if (same.size() > 1) {
                    log.warn("Release " + plan.tag() + " holds " + same.size() + " assets named " + file.fileName()
                            + " (ids "
                            + same.stream().map(a -> Long.toString(a.id())).toList() + "); the server then"
                            + " gives every asset a /attachments/<uuid> URL. Delete the extra ones on the server, or"
                            + " run with " + Parameter.ON_EXISTING.override("replace") + ".");
                }
                RemoteAsset one = same.get(0);
                boolean identical = same.size() == 1 && identical(file, one, size, remoteSums, linking);
                if (identical) {
                    outcomes.add(new ReleaseOutcome.Asset(file.fileName(), size, sha(file), one.downloadUrl(), "kept"));
                    continue;
                }
                switch (plan.policy()) {
                    case FAIL ->
                        conflicts.add(file.fileName() + " (" + Sizes.format(size) + " here, " + Sizes.format(one.size())
                                + " on the server)");
                    case SKIP -> {
                        log.warn("Release " + plan.tag() + " already holds " + file.fileName() + " with other content;"
                                + " keeping it (onExisting=skip).");
                        outcomes.add(new ReleaseOutcome.Asset(
                                file.fileName(), one.size(), null, one.downloadUrl(), "skipped"));
                    }
                    case REPLACE -> {
                        toDelete.addAll(same);
                        toSend.add(file);
                        replaced.add(file.fileName());
                    }
                }
            }
            if (!conflicts.isEmpty()) {
                throw new Refusal("Release " + plan.tag() + " of " + plan.describe() + " already holds "
                        + String.join(", ", conflicts) + " with other content: nothing was changed. Set"
                        + " " + Parameter.ON_EXISTING.set("replace") + " (" + Parameter.ON_EXISTING.override("replace")
                        + ") to replace them, or skip to"
                        + " keep them; or release a new version.");
            }
            step = ReleaseHints.Step.UPLOAD;
            for (RemoteAsset old : toDelete) {
                write("DELETE asset " + old.name(), () -> {
                    api.deleteAsset(release.id(), old.id());
                    return null;
                });
                log.info("Deleted " + old.name() + " (id " + old.id() + ") to replace it (onExisting=replace).");
            }
            for (UploadFile file : toSend) {
                RemoteAsset stored = linking ? link(release, file) : upload(release, file);
                outcomes.add(new ReleaseOutcome.Asset(
                        file.fileName(),
                        file.path().toFile().length(),
                        linking ? null : sha(file),
                        stored.downloadUrl(),
                        linking ? "linked" : replaced.contains(file.fileName()) ? "replaced" : "uploaded"));
            }
            if (plan.checksums() != null) {
                outcomes.add(checksums(release, byName, remoteSums));
            }
            if (release.draft() && !plan.draft()) {
                step = ReleaseHints.Step.PUBLISH;
                write(
                        "PATCH release " + plan.tag(),
                        () -> api.edit(release.id(), false, plan.prerelease(), null, null));
                log.info("Published release " + plan.tag() + " of " + plan.describe() + ".");
                // Published: from here on nothing of it is taken back.
                createdDraft = null;
                added.clear();
            }
            RemoteRelease done = read("GET release", () -> api.release(release.id()));
            Map<String, String> urls = new HashMap<>();
            for (RemoteAsset asset : done.assets()) {
                urls.put(asset.name(), asset.downloadUrl());
                log.info("  " + asset.name() + ": " + asset.downloadUrl());
            }
            List<ReleaseOutcome.Asset> withUrls = outcomes.stream()
                    .map(a -> new ReleaseOutcome.Asset(
                            a.name(), a.size(), a.sha256(), urls.getOrDefault(a.name(), a.url()), a.action()))
                    .toList();
            long sent = withUrls.stream()
                    .filter(a -> !a.action().equals("kept") && !a.action().equals("skipped"))
                    .count();
            log.info("Release " + plan.tag() + ": " + done.htmlUrl() + " (" + (done.draft() ? "draft, " : "")
                    + withUrls.size() + " asset(s), " + sent + " sent, " + (withUrls.size() - sent) + " kept).");
            return new ReleaseOutcome(plan.tag(), done.htmlUrl(), done.draft(), withUrls);
        }

        private void checkRepository() throws RegistryResponseException, IOException, Refusal {
            Optional<ReleasesApi.RepositoryFacts> facts = read("GET repository", api::repository);
            if (facts.isEmpty()) {
                throw new Refusal("Repository " + plan.describe() + " does not exist on " + plan.server() + ", or "
                        + credentials.who() + " cannot see it: check " + Parameter.OWNER.element() + " and "
                        + Parameter.REPOSITORY + ".");
            }
            if (facts.get().mirror()) {
                throw new Refusal(plan.describe() + " is a pull mirror: the next mirror sync may remove a release made"
                        + " there. Make the release in the repository it mirrors, or turn the mirror into a normal"
                        + " repository first.");
            }
            if (facts.get().empty()) {
                throw new Refusal(plan.describe() + " is empty: push its commits (and the tag) before releasing.");
            }
            if (facts.get().archived()) {
                throw new Refusal(plan.describe() + " is archived and takes no new releases: unarchive it first.");
            }
            Optional<String> tagged = read("GET tag " + plan.tag(), () -> api.tagCommit(plan.tag()));
            if (tagged.isPresent() && !tagged.get().isEmpty() && !tagged.get().equalsIgnoreCase(plan.target())) {
                throw new Refusal("Tag " + plan.tag() + " of " + plan.describe() + " points at commit " + tagged.get()
                        + ", but this build was made from " + plan.target() + ": release from a checkout of the tag"
                        + " (git checkout " + plan.tag() + "), or set " + Parameter.TAG.element() + " to a new tag.");
            }
            // A draft does not create its tag, so the server would accept an unknown target and fail only the
            // publish, with a bare 500: ask first.
            if (tagged.isEmpty() && !read("GET commit " + plan.target(), () -> api.hasCommit(plan.target()))) {
                throw new Refusal("Commit " + plan.target() + ", which this build was made from, is not in "
                        + plan.describe() + " on " + plan.server() + ": push it (git push) before releasing, or build"
                        + " from a checkout of a commit that is there.");
            }
        }

        private RemoteRelease create() throws RegistryResponseException, IOException, Refusal {
            step = ReleaseHints.Step.CREATE;
            ReleasesApi.NewRelease draft = new ReleasesApi.NewRelease(
                    plan.tag(), plan.target(), plan.title(), plan.notes(), true, plan.prerelease());
            try {
                RemoteRelease release = retrying.callOnce(
                        "POST release " + plan.tag(),
                        () -> api.create(draft),
                        () -> api.releaseByTag(plan.tag()).filter(r -> r.draft()));
                createdDraft = release;
                log.info("Created draft release " + plan.tag() + " of " + plan.describe() + " at " + plan.target()
                        + ".");
                return release;
            } catch (RegistryResponseException e) {
                if (e.failure().status() == 409) {
                    Optional<RemoteRelease> raced = api.releaseByTag(plan.tag());
                    if (raced.isPresent()) {
                        return raced.get();
                    }
                }
                throw e;
            }
        }

        private boolean identical(
                UploadFile file, RemoteAsset remote, long size, Map<String, String> remoteSums, boolean linking)
                throws IOException {
            if (remote.external()) {
                return linking && remote.downloadUrl().equals(linkTarget(file).toString());
            }
            if (remote.size() != size) {
                return false;
            }
            String sum = remoteSums.get(file.fileName());
            return sum == null || sum.equalsIgnoreCase(sha(file));
        }

        private Map<String, String> remoteChecksums(Map<String, List<RemoteAsset>> byName)
                throws RegistryResponseException, IOException {
            if (plan.checksums() == null || !byName.containsKey(plan.checksums())) {
                return Map.of();
            }
            RemoteAsset sums = byName.get(plan.checksums()).get(0);
            Optional<String> text = read("GET " + plan.checksums(), () -> api.download(sums.downloadUrl()));
            return text.map(ChecksumFile::parse).orElse(Map.of());
        }

        private RemoteAsset upload(RemoteRelease release, UploadFile file)
                throws RegistryResponseException, IOException {
            long size = file.path().toFile().length();
            bodyBytes = size;
            List<Long> before = api.assets(release.id()).stream()
                    .filter(a -> a.name().equals(file.fileName()))
                    .map(RemoteAsset::id)
                    .toList();
            long start = System.nanoTime();
            RegistryClient.Progress progress =
                    (sent, total) -> log.progress(file, sent, total, Duration.ofNanos(System.nanoTime() - start));
            ReleasesApi.Stored stored;
            try {
                stored = retrying.callOnce(
                        "POST asset " + file.fileName(),
                        () -> api.upload(release.id(), file.fileName(), file.path(), multipart, progress),
                        () -> api.assets(release.id()).stream()
                                .filter(a -> a.name().equals(file.fileName()) && a.size() == size)
                                .filter(a -> !before.contains(a.id()))
                                .findFirst()
                                .map(a -> {
                                    log.warn(
                                            "The upload of " + file.fileName() + " failed, but the server had stored it"
                                                    + " (asset id " + a.id() + "): not sending it again.");
                                    return new ReleasesApi.Stored(a, null);
                                }));
            } finally {
                log.uploadEnded(file);
            }
            added.add(stored.asset());
            if (stored.sent() != null) {
                local.put(file.fileName(), stored.sent());
            }
            log.info("Uploaded " + file.fileName() + " (" + Sizes.format(size) + ") to release " + plan.tag() + ".");
            return stored.asset();
        }

        private RemoteAsset link(RemoteRelease release, UploadFile file) throws RegistryResponseException, IOException {
            URI target = linkTarget(file);
            RemoteAsset asset = retrying.callOnce(
                    "POST asset " + file.fileName(),
                    () -> api.link(release.id(), file.fileName(), target),
                    () -> api.assets(release.id()).stream()
                            .filter(a -> a.name().equals(file.fileName()) && a.external())
                            .filter(a -> added.stream().noneMatch(b -> b.id() == a.id()))
                            .findFirst());
            added.add(asset);
            log.info("Linked " + file.fileName() + " to " + target + ".");
            return asset;
        }

        private URI linkTarget(UploadFile file) {
            return plan.packageFiles().fileUri(file.fileName());
        }

        private ReleaseOutcome.Asset checksums(
                RemoteRelease release, Map<String, List<RemoteAsset>> byName, Map<String, String> remote)
                throws RegistryResponseException, IOException {
            Map<String, String> sums = new LinkedHashMap<>();
            for (UploadFile file : plan.assets()) {
                sums.put(file.fileName(), sha(file));
            }
            // Other modules' or earlier runs' assets listed in the old file stay listed while they stay attached.
            Map<String, String> merged = new LinkedHashMap<>();
            remote.forEach((name, sha) -> {
                if (byName.containsKey(name) && !sums.containsKey(name)) {
                    merged.put(name, sha);
                }
            });
            merged.putAll(sums);
            String text = ChecksumFile.render(merged);
            List<RemoteAsset> old = byName.getOrDefault(plan.checksums(), List.of());
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (old.size() == 1 && ChecksumFile.render(remote).equals(text)) {
                return new ReleaseOutcome.Asset(
                        plan.checksums(), bytes.length, null, old.get(0).downloadUrl(), "kept");
            }
            Path file = plan.workDirectory().resolve(plan.checksums());
            Files.createDirectories(plan.workDirectory());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            for (RemoteAsset stale : old) {
                write("DELETE asset " + stale.name(), () -> {
                    api.deleteAsset(release.id(), stale.id());
                    return null;
                });
            }
            UploadFile sumsFile = new UploadFile(plan.checksums(), file, "checksum file");
            // Not in the package: the checksum file is always uploaded, never linked.
            RemoteAsset stored = upload(release, sumsFile);
            return new ReleaseOutcome.Asset(
                    plan.checksums(),
                    bytes.length,
                    sha(sumsFile),
                    stored.downloadUrl(),
                    old.isEmpty() ? "uploaded" : "replaced");
        }

        private String sha(UploadFile file) throws IOException {
            Fingerprint known = local.get(file.fileName());
            if (known == null) {
                known = Fingerprint.of(file.path());
                local.put(file.fileName(), known);
            }
            return known.sha256();
        }

        private <T> T read(String what, Retrying.Exchange<T> exchange) throws RegistryResponseException, IOException {
            return retrying.call(what, exchange);
        }

        private <T> T write(String what, Retrying.Exchange<T> exchange) throws RegistryResponseException, IOException {
            return retrying.call(what, exchange);
        }

        /** Takes back what this run created; returns the lines that say what was done and what was left. */
        String rollBack() {
            StringBuilder report = new StringBuilder();
            String nl = System.lineSeparator();
            try {
                if (createdDraft != null) {
                    api.deleteRelease(createdDraft.id());
                    report.append(nl)
                            .append("  Rolled back: deleted the draft release ")
                            .append(plan.tag())
                            .append(" this run created (with its ")
                            .append(added.size())
                            .append(" asset(s)).");
                } else if (!added.isEmpty()) {
                    List<String> names = new ArrayList<>();
                    for (RemoteAsset asset : added) {
                        api.deleteAsset(releaseId, asset.id());
                        names.add(asset.name());
                    }
                    report.append(nl)
                            .append("  Rolled back: deleted the asset(s) this run added: ")
                            .append(String.join(", ", names))
                            .append('.');
                }
            } catch (RegistryResponseException | IOException | RuntimeException e) {
                report.append(nl)
                        .append("  Rolling back failed (")
                        .append(e.getMessage())
                        .append("): delete ")
                        .append(createdDraft != null ? "the draft release " + plan.tag() : "the assets this run added")
                        .append(" on the server by hand.");
            }
            if (!replaced.isEmpty()) {
                report.append(nl)
                        .append("  Left: the old ")
                        .append(String.join(", ", replaced))
                        .append(" were deleted to be replaced and cannot be restored.");
            }
            report.append(nl)
                    .append("  Fix the cause and run the same build again: a re-run keeps what is on the")
                    .append(" server and uploads only what is missing.");
            return report.toString();
        }
    }
}
