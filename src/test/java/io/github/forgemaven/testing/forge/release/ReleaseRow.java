package io.github.forgemaven.testing.forge.release;

import io.github.forgemaven.testing.forge.Account;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One row of the release table (releases spec §2): a real release or a tag-only row; guarded by the store. */
final class ReleaseRow {

    final long id;
    String tag;
    String target;
    String title = "";
    String notes = "";
    String sha;
    boolean draft;
    boolean prerelease;
    boolean tagOnly;
    boolean hideArchiveLinks;
    Account publisher;
    Instant created;
    final List<AssetRow> assets = new ArrayList<>();

    ReleaseRow(long id, String tag) {
        this.id = id;
        this.tag = tag;
    }

    static ReleaseRow tagOnly(long id, String tag, String sha, Account publisher) {
        ReleaseRow row = new ReleaseRow(id, tag);
        row.target = "";
        row.sha = sha;
        row.tagOnly = true;
        row.publisher = publisher;
        row.created = Instant.now();
        return row;
    }

    /** Assets sorted by name, as GetReleaseAttachments orders them; ties by id. */
    List<AssetRow> sortedAssets() {
        List<AssetRow> sorted = new ArrayList<>(assets);
        sorted.sort((a, b) -> {
            int c = a.name.compareTo(b.name);
            return c != 0 ? c : Long.compare(a.id, b.id);
        });
        return sorted;
    }

    boolean hasDuplicateNames() {
        return assets.stream().map(a -> a.name).distinct().count() != assets.size();
    }

    Release snapshot(String owner, String repository) {
        return new Release(
                id,
                owner,
                repository,
                tag,
                target,
                title,
                notes,
                sha,
                draft,
                prerelease,
                tagOnly,
                created,
                sortedAssets().stream().map(AssetRow::snapshot).toList());
    }
}
