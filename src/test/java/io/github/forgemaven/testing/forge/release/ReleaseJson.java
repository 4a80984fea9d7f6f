package io.github.forgemaven.testing.forge.release;

import io.github.forgemaven.testing.forge.Account;
import io.github.forgemaven.testing.forge.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.StringJoiner;

/** The JSON shapes of releases spec §1.4: Release, Attachment, and the Repository and Tag a client reads. */
final class ReleaseJson {

    private final ReleaseRules rules;
    private final String baseUrl;

    ReleaseJson(ReleaseRules rules, String baseUrl) {
        this.rules = rules;
        this.baseUrl = baseUrl;
    }

    String release(GitRepository repository, ReleaseRow row, boolean githubAccept) {
        String repoPath = Json.pathEscape(repository.owner().name()) + "/" + Json.pathEscape(repository.name());
        String apiUrl = baseUrl + "/api/v1/repos/" + repoPath + "/releases/" + row.id;
        String htmlRepo = baseUrl + "/" + repoPath;
        StringBuilder json = new StringBuilder(512);
        json.append("{\"id\":")
                .append(row.id)
                .append(",\"tag_name\":")
                .append(Json.quote(row.tag))
                .append(",\"target_commitish\":")
                .append(Json.quote(row.target))
                .append(",\"name\":")
                .append(Json.quote(row.title))
                .append(",\"body\":")
                .append(Json.quote(row.notes))
                .append(",\"url\":")
                .append(Json.quote(apiUrl))
                .append(",\"html_url\":")
                .append(Json.quote(htmlRepo + "/releases/tag/" + escapeSegments(row.tag)))
                .append(",\"tarball_url\":")
                .append(Json.quote(htmlRepo + "/archive/" + escapeSegments(row.tag) + ".tar.gz"))
                .append(",\"zipball_url\":")
                .append(Json.quote(htmlRepo + "/archive/" + escapeSegments(row.tag) + ".zip"));
        if (rules.archiveFields()) {
            json.append(",\"hide_archive_links\":").append(row.hideArchiveLinks);
        }
        if (rules.uploadUrl()) {
            String upload = apiUrl + "/assets" + (githubAccept && rules.githubUploadUrl() ? "{?name,label}" : "");
            json.append(",\"upload_url\":").append(Json.quote(upload));
        }
        json.append(",\"draft\":")
                .append(row.draft)
                .append(",\"prerelease\":")
                .append(row.prerelease)
                .append(",\"created_at\":")
                .append(Json.quote(time(row.created)))
                .append(",\"published_at\":")
                .append(Json.quote(time(row.created)))
                .append(",\"author\":")
                .append(user(row.publisher))
                .append(",\"assets\":")
                .append(assets(repository, row));
        if (rules.archiveFields()) {
            json.append(",\"archive_download_count\":{\"zip\":0,\"tar_gz\":0}");
        }
        return json.append('}').toString();
    }

    String releases(GitRepository repository, List<ReleaseRow> rows, boolean githubAccept) {
        StringJoiner array = new StringJoiner(",", "[", "]");
        rows.forEach(row -> array.add(release(repository, row, githubAccept)));
        return array.toString();
    }

    /** The asset list of a release: tag-and-name URLs unless two assets share a name (§3.6). */
    String assets(GitRepository repository, ReleaseRow row) {
        boolean duplicates = row.hasDuplicateNames();
        StringJoiner array = new StringJoiner(",", "[", "]");
        for (AssetRow asset : row.sortedAssets()) {
            String url = duplicates
                    ? uuidUrl(asset)
                    : baseUrl + "/" + Json.pathEscape(repository.owner().name()) + "/"
                            + Json.pathEscape(repository.name()) + "/releases/download/" + Json.pathEscape(row.tag)
                            + "/" + Json.pathEscape(asset.name);
            array.add(asset(asset, url));
        }
        return array.toString();
    }

    /** A single-asset response (POST, GET and PATCH of one asset): always the UUID URL (§3.6). */
    String singleAsset(GitRepository repository, ReleaseRow release, AssetRow asset) {
        String url = rules.brokenSingleAssetUrl()
                ? baseUrl + "/api/repos/" + Json.pathEscape(repository.owner().name()) + "/"
                        + Json.pathEscape(repository.name()) + "/releases/" + release.id + "/assets/" + asset.id
                : uuidUrl(asset);
        return asset(asset, url);
    }

    private String uuidUrl(AssetRow asset) {
        return baseUrl + "/attachments/" + asset.uuid;
    }

    private String asset(AssetRow asset, String url) {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"id\":")
                .append(asset.id)
                .append(",\"name\":")
                .append(Json.quote(asset.name))
                .append(",\"size\":")
                .append(asset.size)
                .append(",\"download_count\":")
                .append(asset.downloads)
                .append(",\"created_at\":")
                .append(Json.quote(time(asset.created)))
                .append(",\"uuid\":")
                .append(Json.quote(asset.uuid))
                .append(",\"browser_download_url\":")
                .append(Json.quote(asset.external() ? asset.externalUrl : url));
        if (rules.assetType()) {
            json.append(",\"type\":").append(Json.quote(asset.external() ? "external" : "attachment"));
        }
        return json.append('}').toString();
    }

    String repository(GitRepository repository, boolean admin, boolean push, boolean pull) {
        String fullName = repository.owner().name() + "/" + repository.name();
        String html =
                baseUrl + "/" + Json.pathEscape(repository.owner().name()) + "/" + Json.pathEscape(repository.name());
        return "{\"id\":" + repository.id()
                + ",\"owner\":" + user(repository.owner())
                + ",\"name\":" + Json.quote(repository.name())
                + ",\"full_name\":" + Json.quote(fullName)
                + ",\"private\":" + repository.isPrivate()
                + ",\"empty\":" + repository.empty()
                + ",\"mirror\":" + repository.isMirror()
                + ",\"archived\":" + repository.isArchived()
                + ",\"html_url\":" + Json.quote(html)
                + ",\"clone_url\":" + Json.quote(html + ".git")
                + ",\"default_branch\":" + Json.quote(repository.defaultBranch())
                + ",\"has_releases\":true"
                + ",\"permissions\":{\"admin\":" + admin + ",\"push\":" + push + ",\"pull\":" + pull + "}}";
    }

    String tag(GitRepository repository, String tag, String sha) {
        String html =
                baseUrl + "/" + Json.pathEscape(repository.owner().name()) + "/" + Json.pathEscape(repository.name());
        String api = baseUrl + "/api/v1/repos/"
                + Json.pathEscape(repository.owner().name()) + "/" + Json.pathEscape(repository.name());
        return "{\"name\":" + Json.quote(tag)
                + ",\"message\":\"\""
                + ",\"id\":" + Json.quote(sha)
                + ",\"commit\":{\"url\":" + Json.quote(api + "/git/commits/" + sha) + ",\"sha\":" + Json.quote(sha)
                + "}"
                + ",\"zipball_url\":" + Json.quote(html + "/archive/" + escapeSegments(tag) + ".zip")
                + ",\"tarball_url\":" + Json.quote(html + "/archive/" + escapeSegments(tag) + ".tar.gz")
                + "}";
    }

    String commit(GitRepository repository, String sha) {
        String html =
                baseUrl + "/" + Json.pathEscape(repository.owner().name()) + "/" + Json.pathEscape(repository.name());
        return "{\"sha\":" + Json.quote(sha) + ",\"html_url\":" + Json.quote(html + "/commit/" + sha) + "}";
    }

    static String user(Account account) {
        if (account == null) {
            return "{\"id\":-1,\"login\":\"Ghost\",\"username\":\"Ghost\"}";
        }
        return "{\"id\":" + account.id() + ",\"login\":" + Json.quote(account.name()) + ",\"username\":"
                + Json.quote(account.name()) + "}";
    }

    private static String escapeSegments(String tag) {
        StringJoiner joined = new StringJoiner("/");
        for (String segment : tag.split("/", -1)) {
            joined.add(Json.pathEscape(segment));
        }
        return joined.toString();
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
