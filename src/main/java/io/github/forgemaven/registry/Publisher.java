package io.github.forgemaven.registry;

import io.github.forgemaven.registry.http.ClientSettings;
import io.github.forgemaven.registry.http.Credentials;
import io.github.forgemaven.registry.http.Fingerprint;
import io.github.forgemaven.registry.http.HttpFailure;
import io.github.forgemaven.registry.http.IdleTimeoutException;
import io.github.forgemaven.registry.http.Listing;
import io.github.forgemaven.registry.http.RegistryClient;
import io.github.forgemaven.registry.http.RegistryResponseException;
import io.github.forgemaven.registry.http.Retrying;
import io.github.forgemaven.registry.http.ServerVersion;
import io.github.forgemaven.registry.plan.Parameter;
import io.github.forgemaven.registry.plan.PublicationPlan;
import io.github.forgemaven.registry.plan.Signatures;
import io.github.forgemaven.registry.plan.UploadFile;
import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * Publishes package versions so that a run either completes or leaves the registry as it found it:
 * it first learns what each version already holds and stops on a conflict before sending anything,
 * then uploads (with retries where they can help, several files at once if asked), checks what the
 * server stored, and on a failure deletes again what it created.
 */
public final class Publisher {

    /** The likely cause of a file of the same size with other content, and the two ways out. */
    static final String NOT_REPRODUCIBLE = "Same size, other content: the build is most likely not reproducible,"
            + " so every build makes other bytes: without project.build.outputTimestamp (Maven 4 sets it by default)"
            + " jars hold the time they were built, and on any Maven so do bnd's Bnd-LastModified, javadoc's"
            + " timestamps and resources filtered with ${maven.build.timestamp}. Make the next release reproducible"
            + " (Maven's Reproducible Builds guide,"
            + " https://maven.apache.org/guides/mini/guide-reproducible-builds.html); for"
            + " this one, keep what is published with " + Parameter.ON_EXISTING.set("skip") + " ("
            + Parameter.ON_EXISTING.override("skip") + "), or"
            + " release a new version.";

    private final RegistryClient client;
    private final ClientSettings clientSettings;
    private final Retrying retrying;
    private final PublishOptions options;
    private final PublishListener listener;
    private final Rollback rollback;
    private final UploadScheduler scheduler;
    private final ServerVersionOnce serverVersion;

    /**
     * @param client the HTTP client
     * @param clientSettings the settings {@code client} was made with, for the hints of network failures
     * @param retrying the retry rule for every request
     * @param options verification, rollback and parallel uploads
     * @param listener hears about each file
     */
    public Publisher(
            RegistryClient client,
            ClientSettings clientSettings,
            Retrying retrying,
            PublishOptions options,
            PublishListener listener) {
        this.client = client;
        this.clientSettings = clientSettings;
        this.retrying = retrying;
        this.options = options;
        this.listener = listener;
        this.rollback = new Rollback(client, retrying);
        this.scheduler = new UploadScheduler(options.parallel(), listener);
        this.serverVersion = new ServerVersionOnce(client);
    }

    /** Tells the listener what {@link #publish} would upload where, and sends nothing. */
    public static void dryRun(PublicationPlan plan, PublishListener listener) {
        for (UploadFile file : plan.files()) {
            listener.wouldUpload(file, plan.target().fileUri(file.fileName()), file.size());
        }
    }

    /**
     * Publishes every version, in order.
     *
     * @return every file and what became of it
     * @throws PublishException naming the failed file, the cause, the fix, what was and was not
     *     uploaded, and what was rolled back
     */
    public List<PublishedFile> publish(List<Publication> publications) throws PublishException {
        RunState run = new RunState();
        try {
            List<List<FileStep>> plans = new ArrayList<>();
            for (Publication publication : publications) {
                plans.add(inspect(publication, run));
            }
            for (int i = 0; i < publications.size(); i++) {
                send(plans.get(i), run);
                if (options.verify()) {
                    verify(publications.get(i), plans.get(i));
                }
            }
        } catch (RunStopped failed) {
            throw rollback.conclude(failed, run, options.rollback());
        } catch (RuntimeException e) {
            // A bug must not leave what this run created on the server: roll back all the same.
            throw rollback.conclude(
                    new RunStopped(
                            "Publishing failed unexpectedly: " + e + System.lineSeparator()
                                    + "  This is a bug in forge-maven-plugin: please report it with the build's"
                                    + " output of -e.",
                            e,
                            false,
                            null),
                    run,
                    options.rollback());
        }
        return run.results();
    }

    private List<FileStep> inspect(Publication publication, RunState run) throws RunStopped {
        PublicationPlan plan = publication.plan();
        Listing listing = list(publication, null);
        if (!listing.known()) {
            listener.debug("Cannot list the files of " + plan.target().describe() + " (" + listing.refusal()
                    + "); a file that already exists will show as HTTP 409 when uploaded.");
        }
        List<FileStep> steps = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        List<String> keptSignatures = new ArrayList<>();
        boolean sameSize = false;
        Set<String> identical = new HashSet<>();
        Map<FileStep, Fingerprint> remoteOf = new LinkedHashMap<>();
        Map<FileStep, Fingerprint> localOf = new LinkedHashMap<>();
        for (UploadFile file : plan.files()) {
            FileStep step = new FileStep(publication, file);
            steps.add(step);
            run.steps.add(step);
            Optional<Fingerprint> remote = listing.files().find(file.fileName());
            if (remote.isEmpty()) {
                step.action = FileStep.Action.UPLOAD;
                continue;
            }
            Fingerprint local = fingerprint(step);
            remoteOf.put(step, remote.get());
            localOf.put(step, local);
            if (local.matches(remote.get())) {
                identical.add(file.fileName().toLowerCase(Locale.ROOT));
            }
        }
        // signatures after the files they sign, whose decision they need
        for (Map.Entry<FileStep, Fingerprint> existing : remoteOf.entrySet()) {
            FileStep step = existing.getKey();
            UploadFile file = step.file;
            Fingerprint remote = existing.getValue();
            Fingerprint local = localOf.get(step);
            boolean signsIdentical = Signatures.signedFileName(file.fileName())
                    .filter(signed -> identical.contains(signed.toLowerCase(Locale.ROOT)))
                    .isPresent();
            String difference = difference(listing.files().storedName(file.fileName()), remote, local);
            switch (ExistingFile.decide(remote, local, publication.onExisting(), signsIdentical)) {
                case IDENTICAL -> {
                    step.action = FileStep.Action.KEEP;
                    step.result = new PublishedFile(file, step.uri, Outcome.IDENTICAL, local);
                    listener.identical(file, step.uri);
                }
                case CONFLICT -> {
                    conflicts.add(difference);
                    sameSize |= remote.size() == local.size();
                }
                case KEEP -> {
                    step.action = FileStep.Action.KEEP;
                    keep(step, local, difference, listener);
                }
                case REPLACE -> step.action = FileStep.Action.REPLACE;
                case SIGNATURE_OF_IDENTICAL -> {
                    step.action = FileStep.Action.KEEP;
                    step.result = new PublishedFile(file, step.uri, Outcome.SIGNATURE_KEPT, local);
                    keptSignatures.add(listing.files().storedName(file.fileName()));
                }
            }
        }
        holdBackSignaturesOfKeptFiles(steps, listener);
        if (!keptSignatures.isEmpty() && conflicts.isEmpty()) {
            listener.info("Kept the server's signature(s) of identical files: " + String.join(", ", keptSignatures)
                    + " (a signature carries its creation time, so every run makes a new one; the server's signs"
                    + " the same content).");
        }
        if (!conflicts.isEmpty()) {
            String nl = System.lineSeparator();
            throw new RunStopped(
                    plan.target().describe() + " already holds "
                            + (conflicts.size() == 1 ? "a file" : conflicts.size() + " files")
                            + " of the same name with other content; nothing was uploaded:" + nl + "  - "
                            + String.join(nl + "  - ", conflicts) + nl
                            + (sameSize ? "  " + NOT_REPRODUCIBLE + nl : "")
                            + "  Release a new version, or delete the file(s) under the owner's Packages page, or set"
                            + " " + Parameter.ON_EXISTING + " to 'replace' to overwrite them or 'skip' to keep them.",
                    null,
                    true,
                    null);
        }
        return steps;
    }

    /** Uploads (or replaces) the files of one version that need it, as the scheduler orders them. */
    private void send(List<FileStep> steps, RunState run) throws RunStopped {
        List<FileStep> toSend =
                steps.stream().filter(s -> s.action != FileStep.Action.KEEP).toList();
        scheduler.run(toSend, (step, log) -> execute(step, run, log));
    }

    private void execute(FileStep step, RunState run, PublishListener log) throws RunStopped {
        Credentials credentials = step.publication.credentials();
        if (step.action == FileStep.Action.REPLACE) {
            delete(step);
            log.info("Deleted the old " + step.file.fileName() + " to replace it (onExisting=replace).");
        }
        long size = step.file.size();
        log.uploading(step.file, step.uri, size);
        long start = System.nanoTime();
        Retrying.Attempts attempts = new Retrying.Attempts();
        try {
            Fingerprint sent = retrying.call(
                    "PUT " + step.uri,
                    () -> client.upload(
                            step.uri,
                            step.file.path(),
                            size,
                            credentials,
                            (done, total) ->
                                    log.progress(step.file, done, total, Duration.ofNanos(System.nanoTime() - start))),
                    attempts);
            Outcome outcome = step.action == FileStep.Action.REPLACE ? Outcome.REPLACED : Outcome.UPLOADED;
            record(step, run, new PublishedFile(step.file, step.uri, outcome, sent));
            log.uploaded(step.file, step.uri, size, Duration.ofNanos(System.nanoTime() - start));
        } catch (RegistryResponseException e) {
            if (e.failure().status() != 409) {
                throw refused(step, e, "");
            }
            resolveConflict(step, run, e, attempts.retried(), log);
        } catch (IOException e) {
            throw networkFailed(step, "PUT", e);
        }
    }

    /**
     * A 409: someone stored the name first. That may be this run itself (an attempt that reached
     * the server although its reply was lost), a concurrent run, or a file the listing did not show.
     */
    private void resolveConflict(
            FileStep step, RunState run, RegistryResponseException conflict, boolean retried, PublishListener log)
            throws RunStopped {
        Fingerprint local = fingerprint(step);
        Listing listing = list(step.publication, step);
        Optional<Fingerprint> remote = listing.files().find(step.file.fileName());
        if (!listing.known() || remote.isEmpty()) {
            String why = listing.known()
                    ? "it is not in the files listing"
                    : "the files listing was refused (" + listing.refusal() + ")";
            throw refused(step, conflict, " The content could not be compared because " + why + ".");
        }
        String storedName = listing.files().storedName(step.file.fileName());
        String difference = difference(storedName, remote.get(), local);
        Optional<String> identicalSigned = signedFileKeptIdentical(step, run, listing);
        switch (ExistingFile.decide(remote.get(), local, step.publication.onExisting(), identicalSigned.isPresent())) {
            case IDENTICAL -> {
                if (retried) {
                    log.info(step.file.fileName() + " was stored by an earlier attempt; its content is identical.");
                    record(step, run, new PublishedFile(step.file, step.uri, Outcome.UPLOADED, local));
                } else {
                    log.identical(step.file, step.uri);
                    step.result = new PublishedFile(step.file, step.uri, Outcome.IDENTICAL, local);
                }
            }
            case CONFLICT ->
                throw refused(
                        step,
                        conflict,
                        " It holds " + difference + "."
                                + (remote.get().size() == local.size() ? " " + NOT_REPRODUCIBLE : ""));
            case KEEP -> keep(step, local, difference, log);
            case REPLACE -> {
                step.action = FileStep.Action.REPLACE;
                execute(step, run, log);
            }
            case SIGNATURE_OF_IDENTICAL -> {
                step.result = new PublishedFile(step.file, step.uri, Outcome.SIGNATURE_KEPT, local);
                log.info("Kept the server's signature " + storedName + " of the identical " + identicalSigned.get()
                        + " (a signature carries its creation time, so every run makes a new one; the server's signs"
                        + " the same content).");
            }
        }
    }

    /**
     * For a signature found through a 409: the name of the file it signs, if this run uploads that
     * file too, the server holds it with the local content, and this run did not replace it (the
     * server's signature would sign the content replaced).
     */
    private Optional<String> signedFileKeptIdentical(FileStep signature, RunState run, Listing listing)
            throws RunStopped {
        Optional<String> signedName = Signatures.signedFileName(signature.file.fileName());
        if (signedName.isEmpty()) {
            return Optional.empty();
        }
        Optional<FileStep> signed = run.steps.stream()
                .filter(s -> s.publication == signature.publication)
                .filter(s -> s.file.fileName().equalsIgnoreCase(signedName.get()))
                .findFirst();
        if (signed.isEmpty() || signed.get().action == FileStep.Action.REPLACE) {
            return Optional.empty();
        }
        Optional<Fingerprint> remote = listing.files().find(signed.get().file.fileName());
        if (remote.isEmpty() || !fingerprint(signed.get()).matches(remote.get())) {
            return Optional.empty();
        }
        return Optional.of(listing.files().storedName(signed.get().file.fileName()));
    }

    /**
     * A signature goes with the file it signs: when {@code onExisting=skip} keeps the server's other
     * content of a file, this run's signature of it would sign bytes the server does not hold, so it is
     * not uploaded either (the server's own signature, if any, was kept with its file).
     */
    private static void holdBackSignaturesOfKeptFiles(List<FileStep> steps, PublishListener log) throws RunStopped {
        Set<String> keptOther = new HashSet<>();
        for (FileStep step : steps) {
            if (step.result != null && step.result.outcome() == Outcome.SKIPPED) {
                keptOther.add(step.file.fileName().toLowerCase(Locale.ROOT));
            }
        }
        for (FileStep step : steps) {
            Optional<String> signed = Signatures.signedFileName(step.file.fileName())
                    .filter(name -> keptOther.contains(name.toLowerCase(Locale.ROOT)));
            if (step.action == FileStep.Action.UPLOAD && signed.isPresent()) {
                step.action = FileStep.Action.KEEP;
                step.result = new PublishedFile(step.file, step.uri, Outcome.SKIPPED, fingerprint(step));
                log.warn("Did not upload " + step.file.fileName() + ": it signs the local " + signed.get()
                        + ", and the server keeps its other " + signed.get() + " (onExisting=skip), which this"
                        + " signature does not sign.");
            }
        }
    }

    /** {@code onExisting=skip}: the server's other content stays, and the user hears which. */
    private static void keep(FileStep step, Fingerprint local, String difference, PublishListener log) {
        log.warn("Kept " + difference + " (onExisting=skip).");
        step.result = new PublishedFile(step.file, step.uri, Outcome.SKIPPED, local);
    }

    private void verify(Publication publication, List<FileStep> steps) throws RunStopped {
        List<FileStep> sent = steps.stream().filter(FileStep::sent).toList();
        if (sent.isEmpty()) {
            return;
        }
        String version = publication.plan().target().describe();
        Listing listing = list(publication, null);
        if (!listing.known()) {
            listener.warn("Could not verify what " + version + " stored: the files listing was refused ("
                    + listing.refusal() + ").");
            return;
        }
        List<String> mismatches = new ArrayList<>();
        for (FileStep step : sent) {
            Optional<Fingerprint> remote = listing.files().find(step.file.fileName());
            Fingerprint local = step.result.fingerprint();
            if (remote.isEmpty()) {
                mismatches.add(step.file.fileName() + " is missing on the server");
            } else if (!remote.get().matches(local)) {
                mismatches.add(difference(step.file.fileName(), remote.get(), local));
            }
        }
        if (!mismatches.isEmpty()) {
            String nl = System.lineSeparator();
            throw new RunStopped(
                    "Verification of " + version + " failed: the server does not hold what was sent:" + nl + "  - "
                            + String.join(nl + "  - ", mismatches) + nl
                            + "  A proxy or the server's storage changed the content; deploy again, and if it"
                            + " repeats, check the server's storage.",
                    null,
                    false,
                    null);
        }
        listener.info(
                "Verified " + sent.size() + " file(s) of " + version + ": size and sha256 match the local files.");
    }

    private static void record(FileStep step, RunState run, PublishedFile result) {
        step.result = result;
        if (result.outcome() == Outcome.UPLOADED) {
            run.created(step);
        }
    }

    private Listing list(Publication publication, FileStep failing) throws RunStopped {
        URI uri = publication.plan().target().listingUri();
        try {
            return retrying.call("GET " + uri, () -> client.list(uri, publication.credentials()));
        } catch (RegistryResponseException e) {
            throw new IllegalStateException("a listing reports refusals, it does not throw them", e);
        } catch (IOException e) {
            throw new RunStopped(
                    "Listing the files of " + publication.plan().target().describe() + " failed."
                            + System.lineSeparator() + "  GET " + uri + " failed: "
                            + e.getClass().getSimpleName()
                            + System.lineSeparator() + "  " + FailureHints.forTransport(e, uri, clientSettings),
                    e,
                    isConfiguration(e),
                    failing);
        }
    }

    private void delete(FileStep step) throws RunStopped {
        try {
            retrying.call("DELETE " + step.uri, () -> {
                client.delete(step.uri, step.publication.credentials());
                return null;
            });
        } catch (RegistryResponseException e) {
            if (e.failure().status() != 404) {
                throw refused(step, e, "");
            }
        } catch (IOException e) {
            throw networkFailed(step, "DELETE", e);
        }
    }

    private static Fingerprint fingerprint(FileStep step) throws RunStopped {
        try {
            return Fingerprint.of(step.file.path());
        } catch (IOException e) {
            throw new RunStopped(
                    "Reading the " + step.file.origin() + " '" + step.file.path() + "' failed: " + e, e, false, step);
        }
    }

    /** The server answered the file's request with an error status; {@code extra} adds to the hint. */
    private RunStopped refused(FileStep step, RegistryResponseException e, String extra) {
        HttpFailure failure = e.failure();
        Optional<ServerVersion> server = serverVersion.of(step.publication);
        String hint = FailureHints.forResponse(
                failure,
                step.publication.plan().target(),
                step.file,
                step.publication.credentials(),
                server,
                clientSettings);
        return uploadFailed(
                step, failure.summary(), hint + extra + FailureHints.serverFact(server), e, failure.status() < 500);
    }

    /** The file's request failed on the network: no answer, or no connection. */
    private RunStopped networkFailed(FileStep step, String method, IOException e) {
        String hint = FailureHints.forTransport(e, step.uri, clientSettings);
        String what = e instanceof IdleTimeoutException
                ? "no progress: " + e.getMessage()
                : e.getClass().getSimpleName();
        return uploadFailed(step, method + " " + step.uri + " failed: " + what, hint, e, isConfiguration(e));
    }

    /** The report of a file that failed: which file, to where, what happened, and the hint. */
    private static RunStopped uploadFailed(FileStep step, String what, String hint, Exception cause, boolean fixable) {
        String nl = System.lineSeparator();
        return new RunStopped(
                "Upload of '" + step.file.fileName() + "' (" + step.file.origin() + ") to "
                        + step.publication.plan().target().describe() + " failed." + nl + "  " + what + nl + "  "
                        + hint,
                cause,
                fixable,
                step);
    }

    private static boolean isConfiguration(IOException e) {
        return e instanceof UnknownHostException || e instanceof SSLException;
    }

    private static String difference(String name, Fingerprint remote, Fingerprint local) {
        return "'" + name + "' (server: " + Sizes.format(remote.size()) + ", sha256 " + remote.shortSha256()
                + "...; local: " + Sizes.format(local.size()) + ", sha256 " + local.shortSha256() + "...)";
    }
}
