package io.github.forgemaven.registry.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a package version holds on the server, as the files listing of the REST API reports it.
 * Names are matched ignoring case, as the servers do.
 */
public final class RemoteFiles {

    /** The version does not exist (yet). */
    public static final RemoteFiles NONE = new RemoteFiles(Map.of(), Map.of());

    private final Map<String, Fingerprint> byLowerName;
    private final Map<String, String> spelling;

    private RemoteFiles(Map<String, Fingerprint> byLowerName, Map<String, String> spelling) {
        this.byLowerName = byLowerName;
        this.spelling = spelling;
    }

    /** From the listing's entries; of two names that differ only in case, the first counts. */
    static RemoteFiles of(List<PackageFile> listed) {
        Map<String, Fingerprint> byLower = new LinkedHashMap<>();
        Map<String, String> spelling = new LinkedHashMap<>();
        for (PackageFile file : listed) {
            if (byLower.putIfAbsent(lower(file.name()), file.fingerprint()) == null) {
                spelling.put(lower(file.name()), file.name());
            }
        }
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
