package io.github.forgemaven.plugin;

import java.io.PrintWriter;

/**
 * The one progress line of an interactive terminal: rewritten in place while uploads run, and blanked before
 * anything else is logged, so that no log line starts behind a stale "Uploading ..." text.
 */
final class ConsoleProgressLine {

    private final PrintWriter terminal;
    private int length;

    /** @param terminal the terminal's writer, or null to show nothing */
    ConsoleProgressLine(PrintWriter terminal) {
        this.terminal = terminal;
    }

    /** Replaces the line with this text. */
    synchronized void show(String text) {
        if (terminal == null) {
            return;
        }
        terminal.print("\r" + text + " ".repeat(Math.max(0, length - text.length())));
        terminal.flush();
        length = text.length();
    }

    /** Blanks the line, if one is shown, and puts the cursor at its start. */
    synchronized void clear() {
        if (terminal == null || length == 0) {
            return;
        }
        terminal.print("\r" + " ".repeat(length) + "\r");
        terminal.flush();
        length = 0;
    }
}
