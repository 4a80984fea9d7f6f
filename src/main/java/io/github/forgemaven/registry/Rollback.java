package io.github.forgemaven.registry;

import io.github.forgemaven.registry.http.RegistryClient;
import io.github.forgemaven.registry.http.RegistryResponseException;
import io.github.forgemaven.registry.http.Retrying;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Ends a failed run: adds what was and was not uploaded to the message, and deletes again the
 * files this run created (when rollback is on), so a version is never left half-published.
 */
final class Rollback {

    private final RegistryClient client;
    private final Retrying retrying;

    Rollback(RegistryClient client, Retrying retrying) {
        this.client = client;
        this.retrying = retrying;
    }

    /** Adds what was and was not uploaded, deletes what this run created (when rollback is on), and says so. */
    PublishException conclude(RunStopped failed, RunState run, boolean enabled) {
        if (failed.step != null) {
            failed.step.result = new PublishedFile(failed.step.file, failed.step.uri, Outcome.FAILED, null);
        }
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder(failed.getMessage());
        List<String> uploaded = run.steps.stream()
                .filter(FileStep::sent)
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
            if (enabled) {
                rollback(run, text);
            } else {
                text.append(nl)
                        .append("  Not rolled back (rollback=false): the uploaded files stay, so the version is"
                                + " incomplete; delete them before deploying again, or re-run with onExisting=skip.");
            }
        }
        return new PublishException(text.toString(), failed.getCause(), failed.fixable, run.results());
    }

    private void rollback(RunState run, StringBuilder text) {
        String nl = System.lineSeparator();
        List<String> deleted = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (int i = run.created.size() - 1; i >= 0; i--) {
            FileStep step = run.created.get(i);
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
}
