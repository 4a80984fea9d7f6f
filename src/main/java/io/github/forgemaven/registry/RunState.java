package io.github.forgemaven.registry;

import java.util.ArrayList;
import java.util.List;

/** One run across versions: every file step, and the files this run created, in order. */
final class RunState {

    final List<FileStep> steps = new ArrayList<>();
    final List<FileStep> created = new ArrayList<>();

    /** Every file and what became of it; a file the run never reached is not uploaded. */
    List<PublishedFile> results() {
        return steps.stream()
                .map(s -> s.result != null ? s.result : new PublishedFile(s.file, s.uri, Outcome.NOT_UPLOADED, null))
                .toList();
    }

    /** Records a file this run stored, so a failure can delete it again. */
    synchronized void created(FileStep step) {
        created.add(step);
    }
}
