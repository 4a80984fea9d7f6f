package io.github.forgemaven.testing.forge.release;

import io.github.forgemaven.testing.forge.Blob;
import io.github.forgemaven.testing.forge.Digests;
import java.time.Instant;

/** One attachment row of a release, with its stored content (null for an external asset); guarded by the store. */
final class AssetRow {

    final long id;
    final String uuid;
    String name;
    final long size;
    final String sha256;
    final Blob blob;
    String externalUrl;
    final Instant created = Instant.now();
    long downloads;

    AssetRow(long id, String uuid, String name, Digests digests, Blob blob) {
        this.id = id;
        this.uuid = uuid;
        this.name = name;
        this.size = digests.size();
        this.sha256 = digests.sha256();
        this.blob = blob;
    }

    AssetRow(long id, String uuid, String name, String externalUrl) {
        this.id = id;
        this.uuid = uuid;
        this.name = name;
        this.size = 0;
        this.sha256 = null;
        this.blob = null;
        this.externalUrl = externalUrl;
    }

    boolean external() {
        return externalUrl != null;
    }

    ReleaseAsset snapshot() {
        return new ReleaseAsset(id, uuid, name, size, sha256, externalUrl, downloads, created, blob);
    }
}
