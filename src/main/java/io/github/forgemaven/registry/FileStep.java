package io.github.forgemaven.registry;

import io.github.forgemaven.registry.plan.UploadFile;
import java.net.URI;

/** One file of a version in a run: what to do with it, and (once known) what became of it. */
final class FileStep {

    /** What a run does with a file, decided from what the version already holds. */
    enum Action {
        UPLOAD,
        REPLACE,
        KEEP
    }

    final Publication publication;
    final UploadFile file;
    final URI uri;
    volatile Action action;
    volatile PublishedFile result;

    FileStep(Publication publication, UploadFile file) {
        this.publication = publication;
        this.file = file;
        this.uri = publication.plan().target().fileUri(file.fileName());
    }

    /** Whether this run stored the file (uploaded or replaced). */
    boolean sent() {
        PublishedFile r = result;
        return r != null && (r.outcome() == Outcome.UPLOADED || r.outcome() == Outcome.REPLACED);
    }
}
