package io.github.forgemaven.testing.forge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Generic package versions and their files. Name, version and filename are unique case-insensitively and keep
 * the spelling of their first upload (spec §3.3).
 */
public final class PackageStore {

    public record PackageVersion(
            long id,
            Account owner,
            String name,
            String version,
            Account creator,
            Instant created,
            long downloads,
            List<StoredFile> files) {

        public PackageVersion {
            files = files.stream()
                    .sorted(Comparator.comparing(f -> f.name().toLowerCase(Locale.ROOT)))
                    .toList();
        }

        public Optional<StoredFile> file(String fileName) {
            return files.stream()
                    .filter(f -> f.name().equalsIgnoreCase(fileName))
                    .findFirst();
        }

        PackageVersion withFiles(List<StoredFile> newFiles) {
            return new PackageVersion(id, owner, name, version, creator, created, downloads, newFiles);
        }

        PackageVersion withDownloads(long count) {
            return new PackageVersion(id, owner, name, version, creator, created, count, files);
        }
    }

    public enum Deletion {
        DELETED,
        NO_VERSION,
        NO_FILE
    }

    private record Key(String owner, String name, String version) {
        static Key of(String owner, String name, String version) {
            return new Key(lower(owner), lower(name), lower(version));
        }
    }

    private final Map<Key, PackageVersion> versions = new LinkedHashMap<>();
    private final Map<List<String>, String> packageNames = new HashMap<>();
    private final Map<List<String>, String> links = new HashMap<>();
    private long nextId = 1;

    /** Adds a file, creating package and version as needed; false if the version already has that filename. */
    public synchronized boolean add(
            Account owner, String name, String version, Account creator, String fileName, Digests digests, Blob blob) {
        Key key = Key.of(owner.name(), name, version);
        PackageVersion existing = versions.get(key);
        if (existing != null && existing.file(fileName).isPresent()) {
            return false;
        }
        Instant now = Instant.now();
        StoredFile file = new StoredFile(
                nextId++,
                fileName,
                digests.size(),
                digests.md5(),
                digests.sha1(),
                digests.sha256(),
                digests.sha512(),
                now,
                blob);
        if (existing == null) {
            String packageName = packageNames.computeIfAbsent(List.of(key.owner(), key.name()), k -> name);
            versions.put(
                    key, new PackageVersion(nextId++, owner, packageName, version, creator, now, 0, List.of(file)));
        } else {
            List<StoredFile> files = new ArrayList<>(existing.files());
            files.add(file);
            versions.put(key, existing.withFiles(files));
        }
        return true;
    }

    synchronized boolean packageExists(String owner, String name) {
        return versions.keySet().stream()
                .anyMatch(k -> k.owner().equals(lower(owner)) && k.name().equals(lower(name)));
    }

    /** Links a package (all its versions) to a repository of its owner, as {@code -/link/{repo}} does. */
    synchronized void link(String owner, String name, String repository) {
        links.put(List.of(lower(owner), lower(name)), repository);
    }

    synchronized void unlink(String owner, String name) {
        links.remove(List.of(lower(owner), lower(name)));
    }

    /** Every version of the owner's packages, newest first (SearchVersions orders by creation, then id). */
    public synchronized List<PackageVersion> allVersions(String owner) {
        List<PackageVersion> all = new ArrayList<>();
        for (PackageVersion v : versions.values()) {
            if (v.owner().name().equalsIgnoreCase(owner)) {
                all.add(v);
            }
        }
        all.sort(Comparator.comparing(PackageVersion::created)
                .thenComparingLong(PackageVersion::id)
                .reversed());
        return all;
    }

    public synchronized Optional<String> linkedRepository(String owner, String name) {
        return Optional.ofNullable(links.get(List.of(lower(owner), lower(name))));
    }

    public synchronized Optional<PackageVersion> version(String owner, String name, String version) {
        return Optional.ofNullable(versions.get(Key.of(owner, name, version)));
    }

    public synchronized List<PackageVersion> versions(String owner, String name) {
        return versions.values().stream()
                .filter(v ->
                        v.owner().name().equalsIgnoreCase(owner) && v.name().equalsIgnoreCase(name))
                .toList();
    }

    /** Counts a download, as a GET on a lead file does (every generic file is a lead file). */
    synchronized void countDownload(String owner, String name, String version) {
        versions.computeIfPresent(Key.of(owner, name, version), (k, v) -> v.withDownloads(v.downloads() + 1));
    }

    /** Deleting the last file of a version deletes the version too (spec §1). */
    public synchronized Deletion deleteFile(String owner, String name, String version, String fileName) {
        Key key = Key.of(owner, name, version);
        PackageVersion existing = versions.get(key);
        if (existing == null) {
            return Deletion.NO_VERSION;
        }
        Optional<StoredFile> file = existing.file(fileName);
        if (file.isEmpty()) {
            return Deletion.NO_FILE;
        }
        List<StoredFile> files = new ArrayList<>(existing.files());
        files.remove(file.get());
        if (files.isEmpty()) {
            versions.remove(key);
        } else {
            versions.put(key, existing.withFiles(files));
        }
        return Deletion.DELETED;
    }

    synchronized boolean deleteVersion(String owner, String name, String version) {
        return versions.remove(Key.of(owner, name, version)) != null;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
