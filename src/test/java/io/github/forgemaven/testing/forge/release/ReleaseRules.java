package io.github.forgemaven.testing.forge.release;

import io.github.forgemaven.testing.forge.Flavour;
import io.github.forgemaven.testing.forge.Json;
import io.github.forgemaven.testing.forge.TokenScope;

/**
 * What the releases API does differently by server and version (releases spec §5, §1.5, §3.3, §3.5).
 * Forgejo 1.20.x / 1.21.x behave as the Gitea release they are built on.
 */
final class ReleaseRules {

    private static final long MIB = 1024L * 1024;

    private final boolean forgejo;
    private final ServerVersion version;

    ReleaseRules(Flavour flavour, String appVersion) {
        this.version = ServerVersion.parse(appVersion);
        this.forgejo = flavour == Flavour.FORGEJO && version.major() >= 7;
    }

    boolean forgejo() {
        return forgejo;
    }

    private boolean gitea(int major, int minor, int patch) {
        return !forgejo && version.atLeast(major, minor, patch);
    }

    private boolean forgejo(int major, int minor, int patch) {
        return forgejo && version.atLeast(major, minor, patch);
    }

    /** Within one Forgejo release line, from a patch on (a backported fix). */
    private boolean forgejoLine(int major, int minor, int patch) {
        return forgejo && version.major() == major && version.atLeast(major, minor, patch);
    }

    /** §3.3: a raw body with {@code ?name=}; before it a non-multipart request fails in FormFile (500). */
    boolean rawUpload() {
        return forgejo || gitea(1, 22, 0);
    }

    /** §3.2: {@code external_url} assets. */
    boolean externalAssets() {
        return forgejo(9, 0, 0);
    }

    /** §3.5: only Gitea 1.25 and later limit the size of a release asset. */
    boolean limitsAssetSize() {
        return gitea(1, 25, 0);
    }

    /** §3.5: {@code [attachment] MAX_SIZE} (1.25) and {@code [repository.release] FILE_MAX_SIZE} (1.26+) default. */
    long defaultAssetSizeLimit() {
        return 2048 * MIB;
    }

    /** §2.1 step 3: the misleading 409 text. */
    String conflictMessage() {
        return forgejo(12, 0, 0) ? "Release has no Tag" : "Release is has no Tag";
    }

    /** §2.1 step 1. */
    boolean emptyRepositoryIs422() {
        return forgejo || gitea(1, 21, 8);
    }

    /** §2.1 step 5. */
    boolean protectedTagIs422() {
        return forgejo ? forgejo(8, 0, 0) : gitea(1, 22, 0);
    }

    /** §2.1 step 5. */
    boolean invalidTargetIs404() {
        return forgejo ? forgejo(9, 0, 0) : gitea(1, 22, 3);
    }

    String invalidTargetMessage(String target) {
        if (gitea(1, 27, 0)) {
            return "target not found";
        }
        return "target \"" + target + "\" not found: object does not exist [id: " + target + ", rel_path: ]";
    }

    /** §2.2: Forgejo v15 fills an empty name with the tag. */
    boolean nameDefaultsToTag() {
        return forgejo(15, 0, 0);
    }

    /** §1.4: {@code upload_url}. */
    boolean uploadUrl() {
        return forgejo || gitea(1, 21, 0);
    }

    /** §1.4: the URI template with {@code Accept: application/vnd.github+json}. */
    boolean githubUploadUrl() {
        return forgejo(13, 0, 0);
    }

    /** §1.4: {@code hide_archive_links} and {@code archive_download_count}. */
    boolean archiveFields() {
        return forgejo(8, 0, 0);
    }

    /** §1.4: the attachment's {@code type}. */
    boolean assetType() {
        return forgejo(9, 0, 0);
    }

    /** §3.6: Gitea 1.20.0-1.20.5 put a broken API URL into single-asset responses. */
    boolean brokenSingleAssetUrl() {
        return version.major() == 1 && version.minor() == 20 && version.patch() <= 5;
    }

    /** §1.2 step 1: the whole multipart body is parsed before authentication. */
    boolean multipartParsedBeforeAuth() {
        return !forgejo || version.below(14, 0, 0);
    }

    /** §1.1 row 1: Forgejo v10's keyword filter. */
    boolean keywordFilter() {
        return forgejo(10, 0, 0);
    }

    /** §3.4: Gitea 1.23 checks a rename against the allowed types. */
    boolean renameChecksType() {
        return gitea(1, 23, 0);
    }

    String forbiddenTypeMessage() {
        return gitea(1, 23, 0)
                ? "This file cannot be uploaded or modified due to a forbidden file extension or type."
                : "This file extension or type is not allowed to be uploaded.";
    }

    String missingNameMessage() {
        return forgejo ? "Missing 'name' parameter" : "Could not determine name of attachment.";
    }

    /** §5.1 1.26.2: the web download routes check the token's read:repository scope. */
    boolean webDownloadChecksScope() {
        return gitea(1, 26, 2);
    }

    // §1.5: who sees a draft. canWrite is the caller's write permission on the repository; writeScope whether
    // its token (if any) has write:repository.

    boolean listShowsDrafts(boolean canWrite, boolean writeScope) {
        return gitea(1, 25, 5) ? canWrite && writeScope : canWrite;
    }

    boolean byIdHidesDraft(boolean canWrite, boolean writeScope) {
        if (forgejo) {
            return (forgejo(15, 0, 3) || (forgejoLine(11, 0, 15))) && !canWrite;
        }
        return gitea(1, 25, 5) && !(canWrite && writeScope);
    }

    boolean assetRoutesHideDraft(boolean canWrite, boolean writeScope) {
        return !forgejo && gitea(1, 25, 5) && !(canWrite && writeScope);
    }

    boolean byTagHidesDraft(boolean canWrite) {
        if (forgejo) {
            return (forgejo(14, 0, 0) || forgejoLine(13, 0, 3) || forgejoLine(11, 0, 8)) && !canWrite;
        }
        return gitea(1, 25, 2) && !canWrite;
    }

    /** §1.3: the body of a handler's 404. */
    String notFoundJson(String swaggerUrl) {
        String url = ",\"url\":" + Json.quote(swaggerUrl);
        if (forgejo) {
            return "{\"message\":\"The target couldn't be found.\"" + url + ",\"errors\":[]}";
        }
        if (gitea(1, 27, 0)) {
            return "{\"message\":\"not found\"" + url + "}";
        }
        if (gitea(1, 25, 0)) {
            return "{\"message\":\"not found\"" + url + ",\"errors\":null}";
        }
        return "{\"message\":\"The target couldn't be found.\"" + url + ",\"errors\":null}";
    }

    /** Gitea's tokenRequiresScopes message; Forgejo's is shorter. */
    String missingScopeMessage(String required, TokenScope scope) {
        if (forgejo) {
            return "token does not have at least one of required scope(s): [" + required + "]";
        }
        return "token does not have at least one of required scope(s), required=[" + required + "], token scope="
                + String.join(",", scope.scopes().stream().sorted().toList());
    }
}
