package io.github.forgemaven.registry;

import java.util.Locale;

/** What became of one file in a run. */
public enum Outcome {
    /** This run stored the file. */
    UPLOADED,
    /** The server already held the same content under that name; nothing was sent. */
    IDENTICAL,
    /** The server holds different content under that name, kept because of {@code onExisting=skip}. */
    SKIPPED,
    /**
     * The server holds another signature of a file it holds identically; it was kept, since a
     * signature carries its creation time and each run makes a new one.
     */
    SIGNATURE_KEPT,
    /** The server's different file was deleted and this run's stored, because of {@code onExisting=replace}. */
    REPLACED,
    /** The upload failed. */
    FAILED,
    /** The run stopped before this file. */
    NOT_UPLOADED,
    /** This run stored the file, then deleted it again because another file failed. */
    ROLLED_BACK;

    /** The outcome as users read it: {@code uploaded}, {@code identical}... */
    public String userValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
