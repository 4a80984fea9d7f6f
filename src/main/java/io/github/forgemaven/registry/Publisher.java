package io.github.forgemaven.registry;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLException;

/**
 * Publishes package versions so that a run either completes or leaves the registry as it found it:
 * it first learns what each version already holds and stops on a conflict before sending anything,
 * then uploads (with retries where they can help, several files at once if asked), checks what the
 * server stored, and on a failure deletes again what it created.
 */
public final class Publisher {

    private final RegistryClient client;
    private final ClientSettings clientSettings;
    private final Retrying retrying;
    private final PublishOptions options;
    private final PublishListener listener;

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
    }

    /** Tells the listener what {@link #publish} would upload where, and sends nothing. */
    public static void dryRun(PublicationPlan plan, PublishListener listener) {
        for (UploadFile file : plan.files()) {
            listener.wouldUpload(
                    file,
                    plan.target().fileUri(file.fileName()),
                    file.path().toFile().length());
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
        Run run = new Run();
        try {
            List<List<Step>> plans = new ArrayList<>();
            for (Publication publication : publications) {
                plans.add(inspect(publication, run));
            }
            for (int i = 0; i < publications.size(); i++) {
                send(publications.get(i), plans.get(i), run);
                if (options.verify()) {
                    verify(publications.get(i), plans.get(i));
                }
            }
        } catch (Failed failed) {
            throw rolledBack(failed, run);
        }
        return run.results();
    }

    private enum Action {
        UPLOAD,
        REPLACE,
        KEEP
    }

    /** One file of a version, what to do with it, and (once known) what became of it. */
    private static final class Step {
        final Publication publication;
        final UploadFile file;
        final URI uri;
        Action action;
        volatile PublishedFile result;

        Step(Publication publication, UploadFile file) {
            this.publication = publication;
            this.file = file;
            this.uri = publication.plan().target().fileUri(file.fileName());
        }

        boolean sent() {
            PublishedFile r = result;
            return r != null && (r.outcome() == Outcome.UPLOADED || r.outcome() == Outcome.REPLACED);
        }
    }

    /** The state of one run across versions: every step, and the files this run created, in order. */
    private static final class Run {
        final List<Step> steps = new ArrayList<>();
        final List<Step> created = new ArrayList<>();

        List<PublishedFile> results() {
            return steps.stream()
                    .map(s ->
                            s.result != null ? s.result : new PublishedFile(s.file, s.uri, Outcome.NOT_UPLOADED, null))
                    .toList();
        }

        synchronized void created(Step step) {
            created.add(step);
        }
    }

    /** A run stops: what failed, why, and what to do. The run's report and rollback are added once, at the top. */
    private static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Step step;
        final boolean fixable;

        Failed(String message, Exception cause, boolean fixable, Step step) {
            super(message, cause);
            this.fixable = fixable;
            this.step = step;
        }
    }

    private List<Step> inspect(Publication publication, Run run) throws Failed {
        PublicationPlan plan = publication.plan();
        Listing listing = list(publication, null);
        if (!listing.known()) {
            listener.debug("Cannot list the files of " + plan.target().describe() + " (" + listing.refusal()
                    + "); a file that already exists will show as HTTP 409 when uploaded.");
        }
        List<Step> steps = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (UploadFile file : plan.files()) {
            Step step = new Step(publication, file);
            steps.add(step);
            run.steps.add(step);
            Optional<Fingerprint> remote = listing.files().find(file.fileName());
            if (remote.isEmpty()) {
                step.action = Action.UPLOAD;
                continue;
            }
            Fingerprint local = fingerprint(step);
            if (local.matches(remote.get())) {
                step.action = Action.KEEP;
                step.result = new PublishedFile(file, step.uri, Outcome.IDENTICAL, local);
                listener.identical(file, step.uri);
                continue;
            }
            String difference = difference(listing.files().storedName(file.fileName()), remote.get(), local);
            switch (publication.onExisting()) {
                case FAIL -> conflicts.add(difference);
                case SKIP -> {
                    step.action = Action.KEEP;
                    step.result = new PublishedFile(file, step.uri, Outcome.SKIPPED, local);
                    listener.warn("Kept " + difference + " (onExisting=skip).");
                }
                case REPLACE -> step.action = Action.REPLACE;
            }
        }
        if (!conflicts.isEmpty()) {
            String nl = System.lineSeparator();
            throw new Failed(
                    plan.target().describe() + " already holds "
                            + (conflicts.size() == 1 ? "a file" : conflicts.size() + " files")
                            + " of the same name with other content; nothing was uploaded:" + nl + "  - "
                            + String.join(nl + "  - ", conflicts) + nl
                            + "  Release a new version, or delete the file(s) under the owner's Packages page, or set"
                            + " <onExisting> (forge.onExisting) to 'replace' to overwrite them or 'skip' to keep them.",
                    null,
                    true,
                    null);
        }
        return steps;
    }

    /**
     * Uploads the files of one version. The first goes alone, because servers can race when two
     * uploads create the same version at once; the rest go {@code parallel} at a time, their log
     * lines kept in plan order.
     */
    private void send(Publication publication, List<Step> steps, Run run) throws Failed {
        List<Step> toSend = steps.stream().filter(s -> s.action != Action.KEEP).toList();
        if (toSend.isEmpty()) {
            return;
        }
        execute(toSend.get(0), run, listener);
        List<Step> rest = toSend.subList(1, toSend.size());
        int threads = Math.min(options.parallel(), rest.size());
        if (threads <= 1) {
            for (Step step : rest) {
                execute(step, run, listener);
            }
            return;
        }
        OrderedListener ordered = new OrderedListener(listener);
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "forge-upload");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> uploads = new ArrayList<>();
            for (int i = 0; i < rest.size(); i++) {
                Step step = rest.get(i);
                PublishListener stepListener = ordered.nextFile();
                int index = i;
                uploads.add(pool.submit(() -> {
                    try {
                        execute(step, run, stepListener);
                        return null;
                    } finally {
                        ordered.done(index);
                    }
                }));
            }
            Failed first = null;
            for (Future<?> upload : uploads) {
                Failed failed = outcomeOf(upload);
                if (first == null) {
                    first = failed;
                }
            }
            ordered.flushAll();
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Failed outcomeOf(Future<?> upload) {
        try {
            upload.get();
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Failed failed) {
                return failed;
            }
            throw new IllegalStateException("an upload failed unexpectedly", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while uploading", e);
        }
    }

    private void execute(Step step, Run run, PublishListener log) throws Failed {
        Credentials credentials = step.publication.credentials();
        if (step.action == Action.REPLACE) {
            delete(step);
            log.info("Deleted the old " + step.file.fileName() + " to replace it (onExisting=replace).");
        }
        long size = step.file.path().toFile().length();
        log.uploading(step.file, step.uri, size);
        long start = System.nanoTime();
        int[] attempts = {0};
        try {
            Fingerprint sent = retrying.call(
                    "PUT " + step.uri,
                    () -> client.upload(
                            step.uri,
                            step.file.path(),
                            credentials,
                            (done, total) ->
                                    log.progress(step.file, done, total, Duration.ofNanos(System.nanoTime() - start))),
                    attempt -> attempts[0] = attempt);
            Outcome outcome = step.action == Action.REPLACE ? Outcome.REPLACED : Outcome.UPLOADED;
            record(step, run, new PublishedFile(step.file, step.uri, outcome, sent));
            log.uploaded(step.file, step.uri, size, Duration.ofNanos(System.nanoTime() - start));
        } catch (RegistryResponseException e) {
            if (e.failure().status() != 409) {
                throw failure(step, e, "");
            }
            resolveConflict(step, run, e, attempts[0] > 1, log);
        } catch (IOException e) {
            throw failure(step, e);
        }
    }

    /**
     * A 409: someone stored the name first. That may be this run itself (an attempt that reached
     * the server although its reply was lost), a concurrent run, or a file the listing did not show.
     */
    private void resolveConflict(
            Step step, Run run, RegistryResponseException conflict, boolean retried, PublishListener log)
            throws Failed {
        Fingerprint local = fingerprint(step);
        Listing listing = list(step.publication, step);
        Optional<Fingerprint> remote = listing.files().find(step.file.fileName());
        if (!listing.known() || remote.isEmpty()) {
            String why = listing.known()
                    ? "it is not in the files listing"
                    : "the files listing was refused (" + listing.refusal() + ")";
            throw failure(step, conflict, " The content could not be compared because " + why + ".");
        }
        if (local.matches(remote.get())) {
            if (retried) {
                log.info(step.file.fileName() + " was stored by an earlier attempt; its content is identical.");
                record(step, run, new PublishedFile(step.file, step.uri, Outcome.UPLOADED, local));
            } else {
                log.identical(step.file, step.uri);
                step.result = new PublishedFile(step.file, step.uri, Outcome.IDENTICAL, local);
            }
            return;
        }
        String difference = difference(listing.files().storedName(step.file.fileName()), remote.get(), local);
        switch (step.publication.onExisting()) {
            case FAIL -> throw failure(step, conflict, " It holds " + difference + ".");
            case SKIP -> {
                log.warn("Kept " + difference + " (onExisting=skip).");
                step.result = new PublishedFile(step.file, step.uri, Outcome.SKIPPED, local);
            }
            case REPLACE -> {
                step.action = Action.REPLACE;
                execute(step, run, log);
            }
        }
    }

    private void verify(Publication publication, List<Step> steps) throws Failed {
        List<Step> sent = steps.stream().filter(Step::sent).toList();
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
        for (Step step : sent) {
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
            throw new Failed(
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

    private static void record(Step step, Run run, PublishedFile result) {
        step.result = result;
        if (result.outcome() == Outcome.UPLOADED) {
            run.created(step);
        }
    }

    private Listing list(Publication publication, Step failing) throws Failed {
        URI uri = publication.plan().target().listingUri();
        try {
            return retrying.call("GET " + uri, () -> client.list(uri, publication.credentials()));
        } catch (RegistryResponseException e) {
            throw new IllegalStateException("a listing reports refusals, it does not throw them", e);
        } catch (IOException e) {
            throw new Failed(
                    "Listing the files of " + publication.plan().target().describe() + " failed."
                            + System.lineSeparator() + "  GET " + uri + " failed: "
                            + e.getClass().getSimpleName()
                            + System.lineSeparator() + "  " + FailureHints.forTransport(e, uri, clientSettings),
                    e,
                    isConfiguration(e),
                    failing);
        }
    }

    private void delete(Step step) throws Failed {
        try {
            retrying.call("DELETE " + step.uri, () -> {
                client.delete(step.uri, step.publication.credentials());
                return null;
            });
        } catch (RegistryResponseException e) {
            if (e.failure().status() != 404) {
                throw failure(step, e, "");
            }
        } catch (IOException e) {
            throw failure(step, e);
        }
    }

    private static Fingerprint fingerprint(Step step) throws Failed {
        try {
            return Fingerprint.of(step.file.path());
        } catch (IOException e) {
            throw new Failed(
                    "Reading the " + step.file.origin() + " '" + step.file.path() + "' failed: " + e, e, false, step);
        }
    }

    private Failed failure(Step step, RegistryResponseException e, String extra) {
        HttpFailure failure = e.failure();
        String hint = FailureHints.forResponse(
                failure, step.publication.plan().target(), step.file, step.publication.credentials(), clientSettings);
        String reply = failure.bodyExcerpt().isEmpty() ? "" : " (server said: \"" + failure.bodyExcerpt() + "\")";
        return failed(
                step,
                failure.method() + " " + failure.uri() + " failed: " + failure.statusLine() + reply,
                hint + extra,
                e,
                failure.status() < 500);
    }

    private Failed failure(Step step, IOException e) {
        String hint = FailureHints.forTransport(e, step.uri, clientSettings);
        String what = e instanceof IdleTimeoutException
                ? "no progress: " + e.getMessage()
                : e.getClass().getSimpleName();
        return failed(step, "PUT " + step.uri + " failed: " + what, hint, e, isConfiguration(e));
    }

    private static Failed failed(Step step, String what, String hint, Exception cause, boolean fixable) {
        String nl = System.lineSeparator();
        return new Failed(
                "Upload of '" + step.file.fileName() + "' (" + step.file.origin() + ") to "
                        + step.publication.plan().target().describe() + " failed." + nl + "  " + what + nl + "  "
                        + hint,
                cause,
                fixable,
                step);
    }

    /** Adds what was and was not uploaded, deletes what this run created (when rollback is on), and says so. */
    private PublishException rolledBack(Failed failed, Run run) {
        if (failed.step != null) {
            failed.step.result = new PublishedFile(failed.step.file, failed.step.uri, Outcome.FAILED, null);
        }
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder(failed.getMessage());
        List<String> uploaded = run.steps.stream()
                .filter(Step::sent)
                .map(s -> s.file.fileName())
                .toList();
        if (!uploaded.isEmpty()) {
            List<String> notUploaded = run.steps.stream()
                    .filter(s -> s.result == null || s.result.outcome() == Outcome.FAILED)
                    .map(s -> s.file.fileName())
                    .toList();
            text.append(nl)
                    .append("  Uploaded before the failure: ")
                    .append(String.join(", ", uploaded))
                    .append('.')
                    .append(nl)
                    .append("  Not uploaded: ")
                    .append(String.join(", ", notUploaded))
                    .append('.');
        }
        if (!run.created.isEmpty()) {
            if (options.rollback()) {
                rollback(run, text);
            } else {
                text.append(nl)
                        .append("  Not rolled back (rollback=false): the uploaded files stay, so the version is"
                                + " incomplete; delete them before deploying again, or re-run with onExisting=skip.");
            }
        }
        return new PublishException(text.toString(), failed.getCause(), failed.fixable, run.results());
    }

    private void rollback(Run run, StringBuilder text) {
        String nl = System.lineSeparator();
        List<String> deleted = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (int i = run.created.size() - 1; i >= 0; i--) {
            Step step = run.created.get(i);
            try {
                retrying.call("DELETE " + step.uri, () -> {
                    client.delete(step.uri, step.publication.credentials());
                    return null;
                });
                deleted.add(0, step.file.fileName());
                step.result = step.result.with(Outcome.ROLLED_BACK);
            } catch (RegistryResponseException | IOException e) {
                left.add(0, step.file.fileName() + " (" + e.getMessage() + ")");
            }
        }
        if (!deleted.isEmpty()) {
            text.append(nl)
                    .append("  Rolled back: deleted ")
                    .append(String.join(", ", deleted))
                    .append(" again, which this run had uploaded; files that were there before are untouched.");
        }
        if (!left.isEmpty()) {
            text.append(nl)
                    .append("  Rollback failed for ")
                    .append(String.join(", ", left))
                    .append(": delete them under the owner's Packages page before deploying again.");
        }
    }

    private static boolean isConfiguration(IOException e) {
        return e instanceof UnknownHostException || e instanceof SSLException;
    }

    private static String difference(String name, Fingerprint remote, Fingerprint local) {
        return "'" + name + "' (server: " + Sizes.format(remote.size()) + ", sha256 " + remote.shortSha256()
                + "...; local: " + Sizes.format(local.size()) + ", sha256 " + local.shortSha256() + "...)";
    }
}
