package io.github.forgemaven.registry.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a package version holds on the server, as the files listing of the REST API reports it.
 * Names are matched ignoring case, as the servers do.
 */
public final class RemoteFiles {

    /** The version does not exist (yet). */
    public static final RemoteFiles NONE = new RemoteFiles(Map.of());

    private final Map<String, Fingerprint> byLowerName;
    private final Map<String, String> spelling;

    private RemoteFiles(Map<String, Fingerprint> byLowerName) {
        this(byLowerName, Map.of());
    }

    private RemoteFiles(Map<String, Fingerprint> byLowerName, Map<String, String> spelling) {
        this.byLowerName = byLowerName;
        this.spelling = spelling;
    }

    /** From the listing's entries. */
    public static RemoteFiles of(Map<String, Fingerprint> files) {
        Map<String, Fingerprint> byLower = files.entrySet().stream()
                .collect(Collectors.toMap(e -> lower(e.getKey()), Map.Entry::getValue, (a, b) -> a));
        Map<String, String> spelling =
                files.keySet().stream().collect(Collectors.toMap(RemoteFiles::lower, Function.identity(), (a, b) -> a));
        return new RemoteFiles(byLower, spelling);
    }

    /** The stored file of that name (ignoring case), if any. */
    public Optional<Fingerprint> find(String fileName) {
        return Optional.ofNullable(byLowerName.get(lower(fileName)));
    }

    /** The stored spelling of a name, for messages. */
    public String storedName(String fileName) {
        return spelling.getOrDefault(lower(fileName), fileName);
    }

    /** The names of every stored file. */
    public List<String> names() {
        return spelling.values().stream().sorted().toList();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
