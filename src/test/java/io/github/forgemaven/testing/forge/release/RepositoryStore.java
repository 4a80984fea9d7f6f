package io.github.forgemaven.testing.forge.release;

import io.github.forgemaven.testing.forge.Account;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The repositories of an emulator and their release and attachment rows. Ids count up from 1 across
 * repositories, as database ids do. Every read and write holds this object's lock.
 */
public final class RepositoryStore {

    /** Where an attachment lives, for the web download routes. */
    record Located(GitRepository repository, ReleaseRow release, AssetRow asset) {}

    private final Map<String, GitRepository> repositories = new LinkedHashMap<>();
    private long nextRepositoryId = 1;
    private long nextReleaseId = 1;
    private long nextAssetId = 1;

    /** Creates an empty repository; an existing one of that name (any case) is returned as it is. */
    public synchronized GitRepository add(Account owner, String name) {
        return repositories.computeIfAbsent(
                key(owner.name(), name), k -> new GitRepository(this, nextRepositoryId++, owner, name));
    }

    public synchronized Optional<GitRepository> find(String owner, String name) {
        return Optional.ofNullable(repositories.get(key(owner, name)));
    }

    /** The release for a tag (any case), not a tag-only row. */
    public synchronized Optional<Release> release(String owner, String repository, String tag) {
        return find(owner, repository)
                .flatMap(r -> r.releaseRow(tag))
                .filter(row -> !row.tagOnly)
                .map(row -> row.snapshot(owner, repository));
    }

    /** Every row of the repository, tag-only rows included, in id order. */
    public synchronized List<Release> rows(String owner, String repository) {
        return find(owner, repository)
                .map(r -> r.releases.stream()
                        .map(row -> row.snapshot(r.owner().name(), r.name()))
                        .<Release>toList())
                .orElse(List.of());
    }

    synchronized long nextReleaseId() {
        return nextReleaseId++;
    }

    synchronized AssetRow newAsset(
            String name,
            io.github.forgemaven.testing.forge.Digests digests,
            io.github.forgemaven.testing.forge.Blob blob) {
        return new AssetRow(nextAssetId++, UUID.randomUUID().toString(), name, digests, blob);
    }

    synchronized AssetRow newExternalAsset(String name, String url) {
        return new AssetRow(nextAssetId++, UUID.randomUUID().toString(), name, url);
    }

    synchronized Optional<Located> byUuid(String uuid) {
        for (GitRepository repository : repositories.values()) {
            for (ReleaseRow release : repository.releases) {
                for (AssetRow asset : release.assets) {
                    if (asset.uuid.equals(uuid)) {
                        return Optional.of(new Located(repository, release, asset));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String key(String owner, String name) {
        return owner.toLowerCase(Locale.ROOT) + "/" + name.toLowerCase(Locale.ROOT);
    }
}
