package io.github.forgemaven.bench;

import io.github.forgemaven.registry.http.ClientSettings;
import io.github.forgemaven.registry.http.Credentials;
import io.github.forgemaven.registry.http.RegistryClient;
import io.github.forgemaven.registry.http.releases.ReleasesApi;
import io.github.forgemaven.registry.plan.RegistryUrl;
import io.github.forgemaven.testing.StandardFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Measure 6d of {@code bench/run}: the release goal's asset upload ({@link ReleasesApi#upload}, a raw
 * {@code application/octet-stream} body) in a warm JVM, against {@code curl -F attachment=@file} and against
 * {@code curl -X POST -T file} with {@code Content-Type: application/octet-stream} (the plugin's form, streamed by
 * curl; {@code --data-binary @file} would read the whole file into memory first), each to a draft release of its own made beforehand (untimed). Warms up every side once, then alternates
 * them and prints {@code client|curl-multipart|curl-raw <seconds>} lines.
 *
 * <p>Usage: {@code ReleaseClientBench <emulator URL> <file> <runs> <release commit>}.
 */
public final class ReleaseClientBench {

    private ReleaseClientBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException(
                    "usage: ReleaseClientBench <emulator URL> <file> <runs> <release commit>");
        }
        RegistryUrl registry = RegistryUrl.parse(args[0]);
        Path file = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        String commit = args[3];
        String stamp = Long.toString(System.currentTimeMillis(), 36);
        String name = file.getFileName().toString();
        Credentials credentials = Credentials.basic(StandardFixture.DEPLOYER, StandardFixture.RELEASE_TOKEN, "bench");
        try (RegistryClient client = new RegistryClient(
                new ClientSettings("forge-maven-plugin-bench", Duration.ofSeconds(30), Duration.ofSeconds(300)))) {
            ReleasesApi api =
                    new ReleasesApi(client, registry, StandardFixture.ORG, StandardFixture.REPOSITORY, credentials);
            for (int i = -1; i < runs; i++) {
                String run = i < 0 ? "warm" : Integer.toString(i);
                long id = draft(api, stamp + "-client-" + run, commit);
                long started = System.nanoTime();
                api.upload(id, name, file, false, (sent, total) -> {});
                report(i, "client", started);
                id = draft(api, stamp + "-multipart-" + run, commit);
                started = System.nanoTime();
                curl(registry, id, name, "-F", "attachment=@" + file);
                report(i, "curl-multipart", started);
                id = draft(api, stamp + "-raw-" + run, commit);
                started = System.nanoTime();
                curl(
                        registry,
                        id,
                        name,
                        "-X",
                        "POST",
                        "-H",
                        "Content-Type: application/octet-stream",
                        "-T",
                        file.toString());
                report(i, "curl-raw", started);
            }
        }
    }

    private static long draft(ReleasesApi api, String tag, String commit) throws Exception {
        return api.create(new ReleasesApi.NewRelease(tag, commit, tag, "", true, false))
                .id();
    }

    private static void report(int run, String side, long started) {
        if (run >= 0) {
            System.out.printf("%s %.4f%n", side, (System.nanoTime() - started) / 1e9);
            System.out.flush();
        }
    }

    private static void curl(RegistryUrl registry, long id, String name, String... body)
            throws IOException, InterruptedException {
        String uri = registry.repositoryApi(
                                StandardFixture.ORG,
                                StandardFixture.REPOSITORY,
                                "releases",
                                Long.toString(id),
                                "assets")
                        .toString()
                + "?name=" + name;
        List<String> command = new ArrayList<>(List.of(
                "curl",
                "-sS",
                "-o",
                "/dev/null",
                "-w",
                "%{http_code}",
                "-u",
                StandardFixture.DEPLOYER + ":" + StandardFixture.RELEASE_TOKEN));
        command.addAll(List.of(body));
        command.add(uri);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0 || !output.equals("201")) {
            throw new IOException("curl to " + uri + " failed (exit " + exit + "): " + output);
        }
    }
}
