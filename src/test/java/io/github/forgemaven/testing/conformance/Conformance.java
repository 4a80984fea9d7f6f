package io.github.forgemaven.testing.conformance;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The conformance run as the invoker's selector script sees it (one run per build: the classes of the hook
 * scripts are loaded once per invoker execution): which ITs run against the real server, the run's settings
 * and names. {@code src/it/conformance.txt} classifies every IT, one line each:
 *
 * <pre>
 * existing-file run
 * release-rerun run needs repository
 * stored-then-504 skip needs fault injection
 * </pre>
 *
 * A case that runs gets a {@link ConformanceCase} in its hook context; the others are skipped with one line on
 * the console saying why.
 */
public final class Conformance {

    /** The key of the {@link ConformanceCase} in an IT's hook context. */
    public static final String CASE = "it.conformanceCase";

    // System.out is the IT's build.log while a hook script runs; these lines are for the person running the build.
    private static final PrintStream CONSOLE =
            new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

    private static ConformanceConfig config;
    private static RunNames names;
    private static RuntimeException configFailure;
    private static Map<String, Entry> entries;

    private Conformance() {}

    /** How {@code conformance.txt} classifies one IT. */
    record Entry(String caseName, boolean runs, Set<ConformanceConfig.Setting> needs, String reason) {}

    /**
     * The invoker's selector: true, with the case in the context, when the IT runs against the real server;
     * false, after printing why, when it is skipped.
     *
     * @throws IllegalStateException when a required setting is missing (naming its property and environment
     *     variable), for every IT, so that the build fails
     */
    public static boolean select(Map<String, Object> context, File basedir, File list) {
        String caseName = basedir.getName();
        Entry entry = entries(list.toPath()).get(caseName);
        if (entry == null) {
            console("conformance: skipped " + caseName + ": not classified in " + list + " (add a line '" + caseName
                    + " run' or '" + caseName + " skip <why>')");
            return false;
        }
        if (!entry.runs()) {
            console("conformance: skipped " + caseName + ": " + entry.reason());
            return false;
        }
        ConformanceConfig run = run();
        for (ConformanceConfig.Setting needed : entry.needs()) {
            if (run.optional(needed).isEmpty()) {
                console("conformance: skipped " + caseName + ": needs " + needed.label());
                return false;
            }
        }
        context.put(CASE, new ConformanceCase(run, names.of(caseName), basedir, entry.needs()));
        return true;
    }

    /** The run's settings, read once from the system properties (Maven's -D) and the environment. */
    static synchronized ConformanceConfig run() {
        if (configFailure != null) {
            throw configFailure;
        }
        if (config == null) {
            Map<String, String> properties = new LinkedHashMap<>();
            Properties system = System.getProperties();
            for (String name : system.stringPropertyNames()) {
                properties.put(name, system.getProperty(name));
            }
            try {
                config = ConformanceConfig.resolve(properties, System.getenv());
            } catch (RuntimeException e) {
                configFailure = e;
                console("conformance: " + e.getMessage());
                throw e;
            }
            names = RunNames.newRun(Instant.now(), new SecureRandom());
            console("conformance: run " + names.run() + ", " + config);
        }
        return config;
    }

    static synchronized Map<String, Entry> entries(Path list) {
        if (entries == null) {
            entries = parse(list);
        }
        return entries;
    }

    /** Reads {@code conformance.txt}. */
    static Map<String, Entry> parse(Path list) {
        Map<String, Entry> parsed = new LinkedHashMap<>();
        try {
            int number = 0;
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                number++;
                String text = line.strip();
                String where = list + ":" + number;
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] words = text.split("\\s+", 3);
                String rest = words.length > 2 ? words[2] : "";
                Entry entry;
                if (words.length >= 2 && words[1].equals("run")) {
                    Set<ConformanceConfig.Setting> needs = EnumSet.noneOf(ConformanceConfig.Setting.class);
                    if (!rest.isEmpty()) {
                        String[] wanted = rest.split("\\s+");
                        if (!wanted[0].equals("needs") || wanted.length < 2) {
                            throw new IllegalArgumentException(list + ":" + number + ": expected 'needs <setting>...'");
                        }
                        for (int i = 1; i < wanted.length; i++) {
                            needs.add(setting(wanted[i])
                                    .orElseThrow(() -> new IllegalArgumentException(
                                            where + ": unknown setting in '" + text + "'")));
                        }
                    }
                    entry = new Entry(words[0], true, needs, "");
                } else if (words.length == 3 && words[1].equals("skip")) {
                    entry = new Entry(words[0], false, Set.of(), rest);
                } else {
                    throw new IllegalArgumentException(list + ":" + number
                            + ": expected '<case> run [needs ...]' or '<case> skip <why>': " + text);
                }
                if (parsed.put(entry.caseName(), entry) != null) {
                    throw new IllegalArgumentException(list + ":" + number + ": " + entry.caseName() + " twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parsed;
    }

    private static Optional<ConformanceConfig.Setting> setting(String word) {
        for (ConformanceConfig.Setting setting : ConformanceConfig.Setting.values()) {
            if (setting.property().equals("conformance." + word)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
    }

    /** Prints a line on the build's console, not into the IT's build.log. */
    public static void console(String line) {
        synchronized (CONSOLE) {
            CONSOLE.println(line);
        }
    }
}
