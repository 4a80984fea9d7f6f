package io.github.forgemaven.registry;

import io.github.forgemaven.registry.http.Fingerprint;
import io.github.forgemaven.registry.plan.UploadFile;
import java.net.URI;

/**
 * One file of a run and what became of it.
 *
 * @param file the local file and its name in the registry
 * @param uri where it is (or would be) in the registry
 * @param outcome what happened to it
 * @param fingerprint the size and SHA-256 of the local content, or {@code null} when it was never read
 */
public record PublishedFile(UploadFile file, URI uri, Outcome outcome, Fingerprint fingerprint) {

    PublishedFile with(Outcome newOutcome) {
        return new PublishedFile(file, uri, newOutcome, fingerprint);
    }
}
