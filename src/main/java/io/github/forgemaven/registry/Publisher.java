package io.github.forgemaven.registry;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Publishes package versions so that a run either completes or leaves the registry as it found it:
 * it first learns what each version already holds and stops on a conflict before sending anything,
 * then uploads (with retries where they can help), checks what the server stored, and on a failure
 * deletes again what it created.
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
     * @param options verification and rollback
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
        List<List<Step>> plans = new ArrayList<>();
        for (Publication publication : publications) {
            plans.add(inspect(publication, run));
        }
        for (int i = 0; i < publications.size(); i++) {
            Publication publication = publications.get(i);
            for (Step step : plans.get(i)) {
                if (step.action != Action.KEEP) {
                    execute(publication, step, run);
                }
            }
            if (options.verify()) {
                verify(publication, plans.get(i), run);
            }
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
        final UploadFile file;
        final URI uri;
        Action action;
        PublishedFile result;

        Step(UploadFile file, URI uri) {
            this.file = file;
            this.uri = uri;
        }
    }

    /** The state of one run across versions: every step, and the files this run created. */
    private final class Run {
        final List<Step> steps = new ArrayList<>();
        final List<Created> created = new ArrayList<>();

        List<PublishedFile> results() {
            return steps.stream()
                    .map(s ->
                            s.result != null ? s.result : new PublishedFile(s.file, s.uri, Outcome.NOT_UPLOADED, null))
                    .toList();
        }
    }

    private record Created(Step step, Credentials credentials) {}

    private List<Step> inspect(Publication publication, Run run) throws PublishException {
        PublicationPlan plan = publication.plan();
        Listing listing = list(publication, run, null);
        if (!listing.known()) {
            listener.debug("Cannot list the files of " + plan.target().describe() + " (" + listing.refusal()
                    + "); a file that already exists will show as HTTP 409 when uploaded.");
        }
        List<Step> steps = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (UploadFile file : plan.files()) {
            Step step = new Step(file, plan.target().fileUri(file.fileName()));
            steps.add(step);
            run.steps.add(step);
            Optional<Fingerprint> remote = listing.files().find(file.fileName());
            if (remote.isEmpty()) {
                step.action = Action.UPLOAD;
                continue;
            }
            Fingerprint local = fingerprint(file, run);
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
            throw new PublishException(
                    plan.target().describe() + " already holds "
                            + (conflicts.size() == 1 ? "a file" : conflicts.size() + " files")
                            + " of the same name with other content; nothing was uploaded:" + nl + "  - "
                            + String.join(nl + "  - ", conflicts) + nl
                            + "  Release a new version, or delete the file(s) under the owner's Packages page, or set"
                            + " <onExisting> (forge.onExisting) to 'replace' to overwrite them or 'skip' to keep them.",
                    null,
                    true,
                    run.results());
        }
        return steps;
    }

    private void execute(Publication publication, Step step, Run run) throws PublishException {
        if (step.action == Action.REPLACE) {
            delete(publication, step, run);
            listener.info("Deleted the old " + step.file.fileName() + " to replace it (onExisting=replace).");
        }
        long size = step.file.path().toFile().length();
        listener.uploading(step.file, step.uri, size);
        long start = System.nanoTime();
        int[] attempts = {0};
        try {
            Fingerprint sent = retrying.call(
                    "PUT " + step.uri,
                    () -> client.upload(step.uri, step.file.path(), publication.credentials()),
                    attempt -> attempts[0] = attempt);
            Outcome outcome = step.action == Action.REPLACE ? Outcome.REPLACED : Outcome.UPLOADED;
            record(publication, step, run, new PublishedFile(step.file, step.uri, outcome, sent));
            listener.uploaded(step.file, step.uri, size, Duration.ofNanos(System.nanoTime() - start));
        } catch (RegistryResponseException e) {
            if (e.failure().status() != 409) {
                throw failure(publication, step, run, e);
            }
            resolveConflict(publication, step, run, e, attempts[0] > 1);
        } catch (IOException e) {
            throw failure(publication, step, run, e);
        }
    }

    /**
     * A 409: someone stored the name first. That may be this run itself (an attempt that reached
     * the server although its reply was lost), a concurrent run, or a file the listing did not show.
     */
    private void resolveConflict(
            Publication publication, Step step, Run run, RegistryResponseException conflict, boolean retried)
            throws PublishException {
        Fingerprint local = fingerprint(step.file, run);
        Listing listing = list(publication, run, step);
        Optional<Fingerprint> remote = listing.files().find(step.file.fileName());
        if (!listing.known() || remote.isEmpty()) {
            String why = listing.known()
                    ? "it is not in the files listing"
                    : "the files listing was refused (" + listing.refusal() + ")";
            throw failure(publication, step, run, conflict, " The content could not be compared because " + why + ".");
        }
        if (local.matches(remote.get())) {
            if (retried) {
                listener.info(step.file.fileName() + " was stored by an earlier attempt; its content is identical.");
                record(publication, step, run, new PublishedFile(step.file, step.uri, Outcome.UPLOADED, local));
            } else {
                listener.identical(step.file, step.uri);
                step.result = new PublishedFile(step.file, step.uri, Outcome.IDENTICAL, local);
            }
            return;
        }
        String difference = difference(listing.files().storedName(step.file.fileName()), remote.get(), local);
        switch (publication.onExisting()) {
            case FAIL -> throw failure(publication, step, run, conflict, " It holds " + difference + ".");
            case SKIP -> {
                listener.warn("Kept " + difference + " (onExisting=skip).");
                step.result = new PublishedFile(step.file, step.uri, Outcome.SKIPPED, local);
            }
            case REPLACE -> {
                step.action = Action.REPLACE;
                execute(publication, step, run);
            }
        }
    }

    private void verify(Publication publication, List<Step> steps, Run run) throws PublishException {
        List<Step> sent = steps.stream()
                .filter(s -> s.result != null
                        && (s.result.outcome() == Outcome.UPLOADED || s.result.outcome() == Outcome.REPLACED))
                .toList();
        if (sent.isEmpty()) {
            return;
        }
        String version = publication.plan().target().describe();
        Listing listing = list(publication, run, null);
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
            throw rolledBack(
                    "Verification of " + version + " failed: the server does not hold what was sent:"
                            + System.lineSeparator() + "  - "
                            + String.join(System.lineSeparator() + "  - ", mismatches)
                            + System.lineSeparator()
                            + "  A proxy or the server's storage changed the content; deploy again, and if it"
                            + " repeats, check the server's storage.",
                    null,
                    false,
                    run);
        }
        listener.info(
                "Verified " + sent.size() + " file(s) of " + version + ": size and sha256 match the local files.");
    }

    private void record(Publication publication, Step step, Run run, PublishedFile result) {
        step.result = result;
        if (result.outcome() == Outcome.UPLOADED) {
            run.created.add(new Created(step, publication.credentials()));
        }
    }

    private Listing list(Publication publication, Run run, Step failing) throws PublishException {
        URI uri = publication.plan().target().listingUri();
        try {
            return retrying.call("GET " + uri, () -> client.list(uri, publication.credentials()));
        } catch (RegistryResponseException e) {
            throw new IllegalStateException("a listing reports refusals, it does not throw them", e);
        } catch (IOException e) {
            Step step = failing != null
                    ? failing
                    : new Step(publication.plan().files().get(0), uri);
            throw rolledBack(
                    "Listing the files of " + publication.plan().target().describe() + " failed."
                            + System.lineSeparator()
                            + "  GET " + uri + " failed: " + e.getClass().getSimpleName() + System.lineSeparator()
                            + "  " + FailureHints.forTransport(e, uri, clientSettings) + report(run, step),
                    e,
                    isConfiguration(e),
                    run);
        }
    }

    private void delete(Publication publication, Step step, Run run) throws PublishException {
        try {
            retrying.call("DELETE " + step.uri, () -> {
                client.delete(step.uri, publication.credentials());
                return null;
            });
        } catch (RegistryResponseException e) {
            if (e.failure().status() != 404) {
                throw failure(publication, step, run, e);
            }
        } catch (IOException e) {
            throw failure(publication, step, run, e);
        }
    }

    private Fingerprint fingerprint(UploadFile file, Run run) throws PublishException {
        try {
            return Fingerprint.of(file.path());
        } catch (IOException e) {
            throw rolledBack("Reading the " + file.origin() + " '" + file.path() + "' failed: " + e, e, false, run);
        }
    }

    private PublishException failure(Publication publication, Step step, Run run, RegistryResponseException e) {
        return failure(publication, step, run, e, "");
    }

    private PublishException failure(
            Publication publication, Step step, Run run, RegistryResponseException e, String extra) {
        HttpFailure failure = e.failure();
        String hint =
                FailureHints.forResponse(failure, publication.plan().target(), step.file, publication.credentials());
        String reply = failure.bodyExcerpt().isEmpty() ? "" : " (server said: \"" + failure.bodyExcerpt() + "\")";
        return failed(
                publication,
                step,
                run,
                failure.method() + " " + failure.uri() + " failed: " + failure.statusLine() + reply,
                hint + extra,
                e,
                failure.status() < 500);
    }

    private PublishException failure(Publication publication, Step step, Run run, IOException e) {
        String hint = FailureHints.forTransport(e, step.uri, clientSettings);
        String what = e instanceof IdleTimeoutException
                ? "no progress: " + e.getMessage()
                : e.getClass().getSimpleName();
        return failed(publication, step, run, "PUT " + step.uri + " failed: " + what, hint, e, isConfiguration(e));
    }

    private PublishException failed(
            Publication publication, Step step, Run run, String what, String hint, Exception cause, boolean fixable) {
        step.result = new PublishedFile(step.file, step.uri, Outcome.FAILED, null);
        String nl = System.lineSeparator();
        String message = "Upload of '" + step.file.fileName() + "' (" + step.file.origin() + ") to "
                + publication.plan().target().describe() + " failed." + nl + "  " + what + nl + "  " + hint
                + report(run, step);
        return rolledBack(message, cause, fixable, run);
    }

    /** What was and was not uploaded before the failure. */
    private static String report(Run run, Step failing) {
        List<String> uploaded = run.steps.stream()
                .filter(s -> s.result != null
                        && (s.result.outcome() == Outcome.UPLOADED || s.result.outcome() == Outcome.REPLACED))
                .map(s -> s.file.fileName())
                .toList();
        if (uploaded.isEmpty()) {
            return "";
        }
        List<String> notUploaded = run.steps.stream()
                .filter(s -> s == failing || s.result == null)
                .map(s -> s.file.fileName())
                .toList();
        String nl = System.lineSeparator();
        return nl + "  Uploaded before the failure: " + String.join(", ", uploaded) + "." + nl + "  Not uploaded: "
                + String.join(", ", notUploaded) + ".";
    }

    /** Deletes the files this run created (when rollback is on) and says so in the message. */
    private PublishException rolledBack(String message, Exception cause, boolean fixable, Run run) {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder(message);
        if (!run.created.isEmpty()) {
            if (options.rollback()) {
                List<String> deleted = new ArrayList<>();
                List<String> left = new ArrayList<>();
                for (int i = run.created.size() - 1; i >= 0; i--) {
                    Created created = run.created.get(i);
                    Step step = created.step();
                    try {
                        retrying.call("DELETE " + step.uri, () -> {
                            client.delete(step.uri, created.credentials());
                            return null;
                        });
                        deleted.add(0, step.file.fileName());
                        step.result = step.result.with(Outcome.ROLLED_BACK);
                    } catch (RegistryResponseException | IOException e) {
                        left.add(step.file.fileName() + " (" + e.getMessage() + ")");
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
            } else {
                text.append(nl)
                        .append("  Not rolled back (rollback=false): the uploaded files stay, so the version is"
                                + " incomplete; delete them before deploying again, or re-run with onExisting=skip.");
            }
        }
        return new PublishException(text.toString(), cause, fixable, run.results());
    }

    private static boolean isConfiguration(IOException e) {
        return e instanceof UnknownHostException || e instanceof SSLException;
    }

    private static String difference(String name, Fingerprint remote, Fingerprint local) {
        return "'" + name + "' (server: " + Sizes.format(remote.size()) + ", sha256 " + remote.shortSha256()
                + "...; local: " + Sizes.format(local.size()) + ", sha256 " + local.shortSha256() + "...)";
    }
}
