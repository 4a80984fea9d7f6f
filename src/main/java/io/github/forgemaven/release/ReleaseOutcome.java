package io.github.forgemaven.release;

import static io.github.forgemaven.registry.http.JsonText.quote;

import io.github.forgemaven.registry.Sizes;
import java.util.List;

/**
 * What a release run left on the server.
 *
 * @param tag the release's tag
 * @param url the release's web page
 * @param draft whether it is (still) a draft
 * @param assets each asset of this run and what became of it
 */
public record ReleaseOutcome(String tag, String url, boolean draft, List<Asset> assets) {

    public ReleaseOutcome {
        assets = List.copyOf(assets);
    }

    /** The release as a JSON object, for {@code forge-deploy.json}. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\"tag\": ")
                .append(quote(tag))
                .append(", \"url\": ")
                .append(quote(url))
                .append(", \"draft\": ")
                .append(draft)
                .append(", \"assets\": [");
        for (int i = 0; i < assets.size(); i++) {
            Asset a = assets.get(i);
            json.append(i == 0 ? "\n" : ",\n")
                    .append("      {\"name\": ")
                    .append(quote(a.name()))
                    .append(", \"size\": ")
                    .append(a.size())
                    .append(", \"sha256\": ")
                    .append(a.sha256() == null ? "null" : quote(a.sha256()))
                    .append(", \"url\": ")
                    .append(quote(a.url()))
                    .append(", \"outcome\": ")
                    .append(quote(a.action()))
                    .append('}');
        }
        return json.append(assets.isEmpty() ? "]}" : "\n    ]}").toString();
    }

    /** A Markdown section for a CI job summary. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder("### Forge release: [")
                .append(tag.replace("]", "\\]"))
                .append("](")
                .append(url)
                .append(")")
                .append(draft ? " (draft)" : "")
                .append("\n\n| Asset | Size | Outcome |\n| --- | ---: | --- |\n");
        for (Asset a : assets) {
            md.append("| [")
                    .append(a.name().replace("|", "\\|").replace("]", "\\]"))
                    .append("](")
                    .append(a.url())
                    .append(") | ")
                    .append(Sizes.format(a.size()))
                    .append(" | ")
                    .append(a.action())
                    .append(" |\n");
        }
        return md.append('\n').toString();
    }

    /**
     * One asset.
     *
     * @param name its name
     * @param size its size in bytes
     * @param sha256 its SHA-256, or {@code null} where it was not read
     * @param url its download URL
     * @param action {@code uploaded}, {@code linked}, {@code kept}, {@code replaced}, {@code skipped}, or
     *     {@code would upload} in a dry run
     */
    public record Asset(String name, long size, String sha256, String url, String action) {}
}
