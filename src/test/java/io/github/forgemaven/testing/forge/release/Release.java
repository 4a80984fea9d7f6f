package io.github.forgemaven.testing.forge.release;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A release (or tag-only row) as the emulator holds it at one moment, for tests and verify scripts.
 * {@code assets} are sorted by name, as the servers list them.
 */
public record Release(
        long id,
        String owner,
        String repository,
        String tag,
        String target,
        String title,
        String notes,
        String sha,
        boolean draft,
        boolean prerelease,
        boolean tagOnly,
        Instant created,
        List<ReleaseAsset> assets) {

    public Release {
        assets = List.copyOf(assets);
    }

    /** The first asset of this name (exact case); duplicates are allowed, see {@link #assetsNamed}. */
    public Optional<ReleaseAsset> asset(String name) {
        return assets.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public List<ReleaseAsset> assetsNamed(String name) {
        return assets.stream().filter(a -> a.name().equals(name)).toList();
    }

    public List<String> assetNames() {
        return assets.stream().map(ReleaseAsset::name).toList();
    }
}
