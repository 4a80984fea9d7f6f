package io.github.forgemaven.registry.http;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which server answers, and which version: Forgejo if it has {@code /api/forgejo/v1/version} or
 * reports {@code +gitea-} in {@code /api/v1/version}, Gitea otherwise.
 *
 * @param product {@code Forgejo} or {@code Gitea}
 * @param version the version string the server reports, e.g. {@code 14.0.2+gitea-1.22.0}
 */
public record ServerVersion(String product, String version) {

    private static final Pattern NUMBERS = Pattern.compile("^v?(\\d+)\\.(\\d+)");

    /** From what the two version endpoints said; {@code forgejoVersion} is null when that endpoint is absent. */
    public static Optional<ServerVersion> of(String forgejoVersion, String apiVersion) {
        if (forgejoVersion != null) {
            return Optional.of(new ServerVersion("Forgejo", forgejoVersion));
        }
        if (apiVersion == null) {
            return Optional.empty();
        }
        return Optional.of(new ServerVersion(apiVersion.contains("+gitea-") ? "Forgejo" : "Gitea", apiVersion));
    }

    /** Whether {@code POST /api/v1/packages/.../-/link/{repo}} exists: Gitea 1.24+, Forgejo v11+. */
    public boolean canLinkPackages() {
        return isForgejo() ? atLeast(11, 0) : atLeast(1, 24);
    }

    /** Whether this is Forgejo. */
    public boolean isForgejo() {
        return product.equals("Forgejo");
    }

    /** Whether the version is at least {@code major.minor}; an unreadable version counts as new. */
    public boolean atLeast(int major, int minor) {
        Matcher m = NUMBERS.matcher(version);
        if (!m.find()) {
            return true;
        }
        int actualMajor = Integer.parseInt(m.group(1));
        int actualMinor = Integer.parseInt(m.group(2));
        return actualMajor > major || (actualMajor == major && actualMinor >= minor);
    }

    @Override
    public String toString() {
        return product + " " + version;
    }
}
