package io.github.forgemaven.plugin;

import org.apache.maven.execution.MavenSession;

/** How upload progress is shown, following how Maven itself shows transfers in this build. */
enum ProgressStyle {
    /** {@code -ntp} or {@code -q}: no progress. */
    QUIET,
    /** Batch mode ({@code -B}) or no terminal: a log line every 10 %. */
    LINES,
    /** An interactive terminal: one line, rewritten in place. */
    CONSOLE;

    /**
     * Maven picks a transfer listener from {@code -ntp}, {@code -q} and {@code -B}; the plugin
     * follows its choice, so no new switch is needed.
     */
    static ProgressStyle of(MavenSession session) {
        Object listener = session.getRequest().getTransferListener();
        String kind = listener == null ? "" : listener.getClass().getSimpleName();
        if (kind.startsWith("Quiet")) {
            return QUIET;
        }
        if (kind.startsWith("Console") && System.console() != null) {
            return CONSOLE;
        }
        return LINES;
    }
}
