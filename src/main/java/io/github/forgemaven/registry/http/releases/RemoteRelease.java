package io.github.forgemaven.registry.http.releases;

import java.util.List;
import java.util.Map;

/**
 * A release as the server describes it.
 *
 * @param id the release's id
 * @param tag the tag name, as stored
 * @param target the stored {@code target_commitish}, possibly empty
 * @param draft whether it is a draft
 * @param prerelease whether it is marked as a pre-release
 * @param htmlUrl the release's web page
 * @param assets its assets, sorted by name
 */
public record RemoteRelease(
        long id,
        String tag,
        String target,
        boolean draft,
        boolean prerelease,
        String htmlUrl,
        List<RemoteAsset> assets) {

    public RemoteRelease {
        assets = List.copyOf(assets);
    }

    static RemoteRelease of(Object json) {
        Map<?, ?> map = (Map<?, ?>) json;
        Object assets = map.get("assets");
        return new RemoteRelease(
                ((Number) map.get("id")).longValue(),
                text(map.get("tag_name")),
                text(map.get("target_commitish")),
                Boolean.TRUE.equals(map.get("draft")),
                Boolean.TRUE.equals(map.get("prerelease")),
                text(map.get("html_url")),
                assets instanceof List<?> list
                        ? list.stream().map(RemoteAsset::of).toList()
                        : List.of());
    }

    static String text(Object value) {
        return value instanceof String s ? s : "";
    }
}
