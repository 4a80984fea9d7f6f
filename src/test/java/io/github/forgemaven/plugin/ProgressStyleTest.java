package io.github.forgemaven.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/**
 * The progress style read from Maven's transfer listener, through the wrappers Maven 3.9 and Maven 4 put
 * around it. The nested classes mimic Maven's by their simple names, which is all the classification reads.
 */
class ProgressStyleTest {

    static final class QuietMavenTransferListener {}

    static final class ConsoleMavenTransferListener {}

    static final class Slf4jMavenTransferListener {}

    /** Maven 3.9's wrapper around the console listener: a public getter. */
    public static final class SimplexTransferListener {
        private final Object delegate;

        SimplexTransferListener(Object delegate) {
            this.delegate = delegate;
        }

        public Object getDelegate() {
            return delegate;
        }
    }

    /** Maven 4's wrapper around every listener: a private field only. */
    static final class MavenTransferListener {
        @SuppressWarnings("unused")
        private final Object delegate;

        MavenTransferListener(Object delegate) {
            this.delegate = delegate;
        }
    }

    @Test
    void maven39() {
        Object interactive = new SimplexTransferListener(new ConsoleMavenTransferListener());
        assertEquals(ProgressStyle.CONSOLE, ProgressStyle.of(interactive, true));
        assertEquals(ProgressStyle.LINES, ProgressStyle.of(interactive, false), "output piped: no terminal");
        assertEquals(ProgressStyle.LINES, ProgressStyle.of(new Slf4jMavenTransferListener(), true), "-B");
        assertEquals(ProgressStyle.QUIET, ProgressStyle.of(new QuietMavenTransferListener(), true), "-ntp");
    }

    @Test
    void maven4() {
        Object interactive = new MavenTransferListener(new SimplexTransferListener(new ConsoleMavenTransferListener()));
        assertEquals(ProgressStyle.CONSOLE, ProgressStyle.of(interactive, true));
        assertEquals(
                ProgressStyle.LINES,
                ProgressStyle.of(new MavenTransferListener(new Slf4jMavenTransferListener()), true),
                "-B");
        assertEquals(
                ProgressStyle.QUIET,
                ProgressStyle.of(new MavenTransferListener(new QuietMavenTransferListener()), true),
                "-ntp");
    }

    @Test
    void noConsoleIsNoTerminal() {
        assertFalse(ProgressStyle.isTerminal(null));
    }

    @Test
    void noListenerOrAnUnknownOneGivesLines() {
        assertEquals(ProgressStyle.LINES, ProgressStyle.of(null, true));
        assertEquals(ProgressStyle.LINES, ProgressStyle.of(new Object(), true));
    }
}
