package io.github.forgemaven.registry.http.releases;

import java.util.Map;

/**
 * One asset of a release as the server describes it.
 *
 * @param id the asset's id
 * @param name its file name
 * @param size its size in bytes (0 for a link)
 * @param downloadUrl its {@code browser_download_url}
 * @param external whether it is a link to a file elsewhere (Forgejo v9+ {@code type: external})
 */
public record RemoteAsset(long id, String name, long size, String downloadUrl, boolean external) {

    static RemoteAsset of(Object json) {
        Map<?, ?> map = (Map<?, ?>) json;
        return new RemoteAsset(
                ((Number) map.get("id")).longValue(),
                RemoteRelease.text(map.get("name")),
                map.get("size") instanceof Number n ? n.longValue() : 0,
                RemoteRelease.text(map.get("browser_download_url")),
                "external".equals(map.get("type")));
    }
}
