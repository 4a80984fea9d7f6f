package io.github.forgemaven.plugin;

import java.io.Console;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;

/** How upload progress is shown, following how Maven itself shows transfers in this build. */
enum ProgressStyle {
    /** {@code -ntp} or {@code -q}: no progress. */
    QUIET,
    /** Batch mode ({@code -B}) or no terminal: a log line every 10 %. */
    LINES,
    /** An interactive terminal: one line, rewritten in place. */
    CONSOLE;

    /** Wrappers are few (Maven 3.9: one, Maven 4: two); the bound only guards against a cycle. */
    private static final int MAX_WRAPPERS = 8;

    /**
     * Maven picks a transfer listener from {@code -ntp}, {@code -q}, {@code -B} and the terminal; the
     * plugin follows its choice, so no new switch is needed.
     */
    static ProgressStyle of(MavenSession session) {
        return of(session.getRequest().getTransferListener(), isTerminal(System.console()));
    }

    /**
     * Before Java 22 a console exists only for a terminal; from Java 22 on it may exist with the output
     * redirected, and {@code Console.isTerminal()} tells.
     */
    static boolean isTerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Classifies Maven's transfer listener. Maven wraps the one it chose: 3.9 puts the console listener
     * in a {@code SimplexTransferListener} (which has {@code getDelegate()}), Maven 4 puts every listener
     * in a {@code MavenTransferListener} (a private {@code delegate} field), so the chain is unwrapped
     * before the names are read.
     */
    static ProgressStyle of(Object transferListener, boolean hasConsole) {
        List<String> chain = new ArrayList<>();
        Object current = transferListener;
        while (current != null && chain.size() < MAX_WRAPPERS) {
            chain.add(current.getClass().getSimpleName());
            current = delegateOf(current);
        }
        if (chain.stream().anyMatch(name -> name.startsWith("Quiet"))) {
            return QUIET;
        }
        if (hasConsole && chain.stream().anyMatch(name -> name.startsWith("Console"))) {
            return CONSOLE;
        }
        return LINES;
    }

    private static Object delegateOf(Object wrapper) {
        try {
            Method getter = wrapper.getClass().getMethod("getDelegate");
            if (getter.getParameterCount() == 0) {
                return getter.invoke(wrapper);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // no public getter: look for the field
        }
        for (Class<?> type = wrapper.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField("delegate");
                field.setAccessible(true);
                return field.get(wrapper);
            } catch (NoSuchFieldException e) {
                // try the superclass
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }
}
