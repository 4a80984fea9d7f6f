package io.github.forgemaven.registry.plan;

import java.net.URI;

/**
 * Where a package version lives: the server, the owner, the package name and its version.
 *
 * @param registry the server's base URL
 * @param owner the user or organisation owning the package
 * @param packageName the package name
 * @param packageVersion the package version
 */
public record PackageCoordinates(RegistryUrl registry, String owner, String packageName, String packageVersion) {

    /** The URL of one file of this version. */
    public URI fileUri(String fileName) {
        return registry.packageFile(owner, packageName, packageVersion, fileName);
    }

    /** The REST API's listing of this version's files. */
    public URI listingUri() {
        return registry.filesListing(owner, packageName, packageVersion);
    }

    /** {@code owner/packageName/packageVersion}, for messages. */
    public String describe() {
        return owner + "/" + packageName + "/" + packageVersion;
    }
}
