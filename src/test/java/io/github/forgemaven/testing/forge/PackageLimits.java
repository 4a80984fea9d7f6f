package io.github.forgemaven.testing.forge;

import java.util.Set;

/**
 * The servers' package limits (spec §4 "Size limits and quotas"): Gitea's and Forgejo's {@code [packages]}
 * settings, each negative for unlimited, their default, and Forgejo's {@code [quota]} engine, reduced to the
 * accounts that are already over their quota.
 *
 * @param typeSize {@code LIMIT_SIZE_GENERIC}: the largest generic file, in bytes
 * @param ownerSize {@code LIMIT_TOTAL_OWNER_SIZE}: the owner's files plus this upload, in bytes
 * @param ownerCount {@code LIMIT_TOTAL_OWNER_COUNT}: the owner's package versions, a new one included
 * @param overQuota Forgejo only: accounts over their {@code [quota]} limit ({@code [quota] ENABLED=true})
 */
public record PackageLimits(long typeSize, long ownerSize, long ownerCount, Set<String> overQuota) {

    public static final PackageLimits UNLIMITED = new PackageLimits(-1, -1, -1, Set.of());

    public PackageLimits {
        overQuota = Set.copyOf(overQuota);
    }

    /** {@code CheckCountQuotaExceeded}: counted after the new version is inserted, in the same transaction. */
    boolean countExceeded(int versionsWithTheNewOne) {
        return ownerCount > -1 && versionsWithTheNewOne > ownerCount;
    }

    /** {@code CheckSizeQuotaExceeded}'s first half. */
    boolean typeSizeExceeded(long uploadSize) {
        return typeSize > -1 && typeSize < uploadSize;
    }

    /** {@code CheckSizeQuotaExceeded}'s second half: every file of the owner, plus this upload. */
    boolean ownerSizeExceeded(long ownerTotal, long uploadSize) {
        return ownerSize > -1 && ownerTotal + uploadSize > ownerSize;
    }
}
