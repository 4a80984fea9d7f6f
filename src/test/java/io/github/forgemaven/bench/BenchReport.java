package io.github.forgemaven.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.DoubleBinaryOperator;

/**
 * Turns the samples {@code bench/run} wrote (one number a line, one file per series) into the results table:
 * median [min–max] of every series, ratios of medians, targets. Prints it and writes it to a file.
 *
 * <p>Usage: {@code BenchReport <samples dir> <results.md>}; {@code <samples dir>/meta.properties} holds the
 * labels and the machine's description.
 */
public final class BenchReport {

    private final Path dir;
    private final Properties meta = new Properties();
    private final List<String> rows = new ArrayList<>();

    private BenchReport(Path dir) throws IOException {
        this.dir = dir;
        try (Reader reader = Files.newBufferedReader(dir.resolve("meta.properties"))) {
            meta.load(reader);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: BenchReport <samples dir> <results.md>");
        }
        String table = new BenchReport(Path.of(args[0])).render();
        Files.writeString(Path.of(args[1]), table);
        System.out.print(table);
    }

    private String render() throws IOException {
        String big = meta.getProperty("big.label");
        long bigBytes = Long.parseLong(meta.getProperty("big.bytes"));
        String latency = meta.getProperty("latency.ms");
        String parts = meta.getProperty("parts.count") + " × " + meta.getProperty("parts.label");

        double[] added1a = pairwise(read("1a-goal"), read("1a-skip"), (a, b) -> a - b);
        double[] curl1a = read("1a-curl");
        ratioRow("1a. " + big + " upload: time added to `mvn deploy` vs `curl -T` (s)", added1a, curl1a, 1.15);

        double[] client = read("1b-client");
        double[] curl1b = read("1b-curl");
        ratioRow("1b. " + big + " upload: core client in a warm JVM vs `curl -T` (s)", client, curl1b, 1.05);

        double[] sink = throughput(read("1c-sink"), bigBytes);
        double[] clientToSink = throughput(read("1c-client-sink"), bigBytes);
        infoRow(
                "1c. loopback limit: core client / `curl -T` to a discarding sink (MB/s)",
                stats(clientToSink),
                stats(sink),
                clientToSink.length > 0 && sink.length > 0 ? ratio(median(clientToSink), median(sink)) : "—");
        infoRow(
                "1c. throughput to the emulator: core client / curl (MB/s)",
                stats(throughput(client, bigBytes)),
                stats(throughput(curl1b, bigBytes)),
                ratio(median(throughput(client, bigBytes)), median(throughput(curl1b, bigBytes))));
        infoRow(
                "1c. throughput: curl to the emulator / curl to the sink (MB/s)",
                stats(throughput(curl1b, bigBytes)),
                stats(sink),
                ratio(median(throughput(curl1b, bigBytes)), median(sink)));

        double[] added2 = pairwise(read("2-goal"), read("2-skip"), (a, b) -> a - b);
        ratioRow(
                "2. " + parts + ", " + latency + " ms latency per request: time added to `mvn deploy`"
                        + " (default forge.parallel=4) vs a sequential curl loop (s)",
                added2,
                read("2-curl"),
                0.5);

        memoryRows("3", "upload", ok -> true);

        double[] goal4 = read("4-goal");
        double[] skip4 = read("4-skip");
        double[] overhead = pairwise(goal4, skip4, (a, b) -> a - b);
        if (overhead.length > 0) {
            rows.add(row(
                    "4. overhead: `mvn deploy` of a small project with the goal / with -Dforge.skip=true (s)",
                    stats(goal4),
                    stats(skip4),
                    stats(overhead) + " s",
                    "< 0.3 s",
                    median(overhead) < 0.3 ? "yes" : "**no**"));
        } else {
            rows.add(row("4. overhead", "not measured", "—", "—", "—", "—"));
        }

        double[] rejected = read("5a-bytes");
        if (rejected.length > 0) {
            rows.add(row(
                    "5a. body bytes the client sent in a rejected (401, wrong token) "
                            + meta.getProperty("reject.label") + " upload; requests sent: "
                            + stats(read("5a-requests")),
                    stats(rejected),
                    "—",
                    "—",
                    "< 1 MiB",
                    Arrays.stream(rejected).max().orElse(0) < 1 << 20 ? "yes" : "**no**"));
        } else {
            rows.add(row("5a. rejected upload", "not measured", "—", "—", "—", "—"));
        }
        double[] puts = read("5b-puts-per-file");
        double[] checks = read("5b-check-gets");
        double[] verifications = read("5b-verify-gets");
        double[] others = read("5b-other-requests");
        if (puts.length > 0) {
            boolean met = Arrays.stream(puts).allMatch(v -> v == 1)
                    && Arrays.stream(checks).allMatch(v -> v <= 1)
                    && Arrays.stream(others).allMatch(v -> v == 0);
            rows.add(row(
                    "5b. requests on success (" + parts + ", one version): PUTs per file / listing GETs for the"
                            + " existing-files check / other requests",
                    stats(puts),
                    stats(checks) + " / " + stats(others),
                    "—",
                    "1 PUT per file, ≤ 1 listing per version",
                    met ? "yes" : "**no**"));
            infoRow(
                    "5b. plus the verification listing after the uploads (forge.verify, default on;"
                            + " 0 with -Dforge.verify=false)",
                    stats(verifications),
                    "—",
                    "—");
        }

        releaseRows(big, bigBytes);

        StringBuilder out = new StringBuilder();
        out.append("## forge-maven-plugin benchmark\n\n");
        out.append("| measure | plugin (median [min–max]) | yardstick (median [min–max]) | ratio | target | met? |\n");
        out.append("| --- | --- | --- | --- | --- | --- |\n");
        rows.forEach(r -> out.append(r).append('\n'));
        out.append('\n');
        out.append("cores: ")
                .append(meta.getProperty("cores"))
                .append(", memory: ")
                .append(meta.getProperty("memory.gib"))
                .append(" GiB, ")
                .append(meta.getProperty("java"))
                .append('\n');
        out.append("mode: ")
                .append(meta.getProperty("mode"))
                .append(", runs per series: ")
                .append(meta.getProperty("runs"))
                .append(" (overhead pairs: ")
                .append(meta.getProperty("overhead.runs"))
                .append("), load average before/after: ")
                .append(meta.getProperty("load.before"))
                .append(" / ")
                .append(meta.getProperty("load.after", "?"))
                .append(", ")
                .append(meta.getProperty("date"))
                .append('\n');
        String notes = meta.getProperty("notes", "");
        if (!notes.isBlank()) {
            out.append('\n').append(notes.replace("\\n", "\n")).append('\n');
        }
        return out.toString();
    }

    /** Measure 6: the release goal. */
    private void releaseRows(String big, long bigBytes) throws IOException {
        double[] added = pairwise(read("6a-goal"), read("6a-skip"), (a, b) -> a - b);
        double[] curl = read("6a-curl");
        double[] warmClient = read("6d-client");
        if (added.length == 0
                && read("6b-big-ok").length == 0
                && read("6c-reads").length == 0
                && warmClient.length == 0) {
            return;
        }
        ratioRow(
                "6a. " + big + " release asset: time added to `mvn deploy` by forge:release (draft, asset, "
                        + "SHA256SUMS, publish) vs `curl -F attachment=@file` to a release made beforehand (s);"
                        + " the plugin sent " + meta.getProperty("6a.plugin.form", "?") + ", curl "
                        + meta.getProperty("6a.curl.form", "?"),
                added,
                curl,
                1.15);
        if (added.length > 0 && curl.length > 0) {
            infoRow(
                    "6a. throughput: forge:release's added time / curl -F (MB/s); the plugin's requests per"
                            + " release: " + stats(read("6a-plugin-requests")),
                    stats(throughput(added, bigBytes)),
                    stats(throughput(curl, bigBytes)),
                    ratio(median(throughput(added, bigBytes)), median(throughput(curl, bigBytes))));
        }
        double[] warmMultipart = read("6d-curl-multipart");
        double[] warmRaw = read("6d-curl-raw");
        if (warmClient.length > 0) {
            infoRow(
                    "6d. " + big + " asset upload in a warm JVM: ReleasesApi.upload (raw) vs `curl -F` (s)",
                    stats(warmClient),
                    stats(warmMultipart),
                    ratio(median(warmClient), median(warmMultipart)));
            infoRow(
                    "6d. the same: ReleasesApi.upload (raw) vs curl sending the plugin's form, `-X POST -T`"
                            + " with application/octet-stream (s)",
                    stats(warmClient),
                    stats(warmRaw),
                    ratio(median(warmClient), median(warmRaw)));
        }
        memoryRows("6b", "release asset", ok -> ok.length > 0);
        double[] writes = read("6c-writes");
        if (writes.length > 0) {
            rows.add(row(
                    "6c. re-run of a finished release (" + meta.getProperty("mem.small.label") + " asset): writes /"
                            + " reads / body bytes sent; in " + stats(read("6c-seconds")) + " s. Requests: "
                            + meta.getProperty("6c.requests", "?"),
                    stats(writes) + " / " + stats(read("6c-reads")) + " / " + stats(read("6c-body-bytes")),
                    "—",
                    "—",
                    "no write",
                    Arrays.stream(writes).allMatch(v -> v == 0) ? "yes" : "**no**"));
        }
    }

    private void ratioRow(String measure, double[] plugin, double[] yardstick, double target) {
        if (plugin.length == 0 || yardstick.length == 0) {
            rows.add(row(measure, "not measured", "—", "—", "≤ " + target, "—"));
            return;
        }
        double ratio = median(plugin) / median(yardstick);
        rows.add(row(
                measure,
                stats(plugin),
                stats(yardstick),
                String.format(Locale.ROOT, "%.2f", ratio),
                "≤ " + target,
                ratio <= target ? "yes" : "**no**"));
    }

    private void infoRow(String measure, String plugin, String yardstick, String ratio) {
        rows.add(row(measure, plugin, yardstick, ratio, "— (for reading the above)", "—"));
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    private double[] read(String series) throws IOException {
        Path file = dir.resolve(series + ".txt");
        if (!Files.exists(file)) {
            return new double[0];
        }
        return Files.readAllLines(file).stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .mapToDouble(Double::parseDouble)
                .toArray();
    }

    private static double[] pairwise(double[] a, double[] b, DoubleBinaryOperator op) {
        int n = Math.min(a.length, b.length);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = op.applyAsDouble(a[i], b[i]);
        }
        return out;
    }

    private static double[] throughput(double[] seconds, long bytes) {
        return Arrays.stream(seconds).map(s -> bytes / 1e6 / s).toArray();
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) ? "—" : String.format(Locale.ROOT, "%.2f", a / b);
    }

    private static String stats(double[] values) {
        if (values.length == 0) {
            return "not measured";
        }
        double min = Arrays.stream(values).min().orElseThrow();
        double max = Arrays.stream(values).max().orElseThrow();
        return format(median(values)) + " [" + format(min) + "–" + format(max) + "]";
    }

    private static String format(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f", value);
    }

    /**
     * The two rows of a memory measure ({@code 3}, {@code 6b}): whether the big run succeeded at -Xmx64m, and
     * its peak heap after GC against the small run's; {@code reportMissing} says, from the success samples,
     * whether to show a "not measured" row when the heap samples are missing.
     */
    private void memoryRows(String measure, String what, java.util.function.Predicate<double[]> reportMissing)
            throws IOException {
        double[] ok = read(measure + "-big-ok");
        double[] peakBig = read(measure + "-big-heap");
        double[] peakSmall = read(measure + "-small-heap");
        if (ok.length > 0) {
            long passed = Arrays.stream(ok).filter(v -> v == 1).count();
            rows.add(row(
                    measure + ". " + meta.getProperty("mem.big.label") + " "
                            + (what.equals("upload") ? "`mvn deploy`" : what) + " with MAVEN_OPTS=-Xmx64m succeeds",
                    passed + " of " + ok.length + " runs",
                    "—",
                    "—",
                    "every run",
                    passed == ok.length ? "yes" : "**no**"));
        }
        if (peakBig.length > 0 && peakSmall.length > 0) {
            double difference = median(peakBig) - median(peakSmall);
            boolean same = Math.abs(difference) <= Math.max(4, 0.1 * median(peakSmall));
            rows.add(row(
                    measure + ". peak heap after GC, -Xmx64m: " + meta.getProperty("mem.big.label") + " / "
                            + meta.getProperty("mem.small.label") + " " + what + " (MiB)",
                    stats(peakBig),
                    stats(peakSmall),
                    String.format(Locale.ROOT, "%+.1f MiB", difference),
                    "same within noise (±4 MiB)",
                    same ? "yes" : "**no**"));
        } else if (reportMissing.test(ok)) {
            rows.add(row(measure + ". peak heap after GC", "not measured", "—", "—", "—", "—"));
        }
    }
}
