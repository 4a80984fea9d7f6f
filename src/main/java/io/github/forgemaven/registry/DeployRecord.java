package io.github.forgemaven.registry;

import static io.github.forgemaven.registry.http.JsonText.quote;

import io.github.forgemaven.registry.http.Fingerprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a run did, file by file, in the three forms a pipeline reads: a table for the log,
 * {@code forge-deploy.json} for later steps, and a Markdown table for a CI job summary.
 *
 * @param files every file of the run and what became of it
 * @param success whether the run as a whole succeeded
 */
public record DeployRecord(List<PublishedFile> files, boolean success) {

    public DeployRecord {
        files = List.copyOf(files);
    }

    /** Lines of an aligned table: file, size, short sha256, outcome, URL. */
    public List<String> table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"File", "Size", "SHA-256", "Outcome", "URL"});
        for (PublishedFile file : files) {
            rows.add(new String[] {
                file.file().fileName(),
                size(file),
                shortSha(file),
                file.outcome().userValue(),
                file.uri().toString()
            });
        }
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < 4; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            lines.add(String.format(
                    Locale.ROOT,
                    "%-" + widths[0] + "s  %" + widths[1] + "s  %-" + widths[2] + "s  %-" + widths[3] + "s  %s",
                    (Object[]) row));
        }
        return lines;
    }

    /** The machine-readable record. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\n  \"outcome\": \"").append(success ? "success" : "failure");
        json.append("\",\n  \"files\": [");
        for (int i = 0; i < files.size(); i++) {
            PublishedFile file = files.get(i);
            Fingerprint fingerprint = file.fingerprint();
            json.append(i == 0 ? "\n" : ",\n")
                    .append("    {\"name\": ")
                    .append(quote(file.file().fileName()))
                    .append(", \"size\": ")
                    .append(file.file().size())
                    .append(", \"sha256\": ")
                    .append(fingerprint == null ? "null" : quote(fingerprint.sha256()))
                    .append(", \"url\": ")
                    .append(quote(file.uri().toString()))
                    .append(", \"outcome\": ")
                    .append(quote(file.outcome().name().toLowerCase(Locale.ROOT)))
                    .append(", \"local\": ")
                    .append(quote(file.file().path().toString()))
                    .append('}');
        }
        return json.append(files.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    /** A Markdown section for a CI job summary. */
    public String toMarkdown() {
        return toMarkdown(List.of());
    }

    /**
     * A Markdown section for a CI job summary whose heading names the package versions, e.g.
     * {@code acme/app/1.0}: a multi-module build appends one section per module.
     */
    public String toMarkdown(List<String> versions) {
        StringBuilder md = new StringBuilder("### Forge generic packages: ")
                .append(versions.isEmpty() ? "" : String.join(", ", versions) + " ")
                .append(success ? "published" : "failed")
                .append("\n\n| File | Size | SHA-256 | Outcome |\n| --- | ---: | --- | --- |\n");
        for (PublishedFile file : files) {
            md.append("| [")
                    .append(file.file().fileName().replace("|", "\\|").replace("]", "\\]"))
                    .append("](")
                    .append(file.uri())
                    .append(") | ")
                    .append(size(file))
                    .append(" | `")
                    .append(shortSha(file))
                    .append("` | ")
                    .append(file.outcome().userValue())
                    .append(" |\n");
        }
        return md.append('\n').toString();
    }

    private static String size(PublishedFile file) {
        return Sizes.format(file.file().size());
    }

    private static String shortSha(PublishedFile file) {
        return file.fingerprint() == null ? "-" : file.fingerprint().shortSha256();
    }
}
