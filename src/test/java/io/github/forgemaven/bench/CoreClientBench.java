package io.github.forgemaven.bench;

import io.github.forgemaven.registry.http.ClientSettings;
import io.github.forgemaven.registry.http.Credentials;
import io.github.forgemaven.registry.http.RegistryClient;
import io.github.forgemaven.registry.plan.RegistryUrl;
import io.github.forgemaven.testing.StandardFixture;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Measure 1b of {@code bench/run}: the core client alone in a warm JVM against curl, same file, same server.
 * Warms up (client and curl), then alternates one timed {@link RegistryClient#upload} and one timed
 * {@code curl -T} per run, each to a new version, and prints {@code client <seconds>} and {@code curl <seconds>}
 * lines.
 *
 * <p>Usage: {@code CoreClientBench <emulator URL> <file> <runs> <warm-up uploads>}.
 */
public final class CoreClientBench {

    private static final String PACKAGE = "core-bench";

    private CoreClientBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: CoreClientBench <emulator URL> <file> <runs> <warm-up uploads>");
        }
        RegistryUrl registry = RegistryUrl.parse(args[0]);
        Path file = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        int warmups = Integer.parseInt(args[3]);
        String stamp = Long.toString(System.currentTimeMillis(), 36);
        String name = file.getFileName().toString();
        Credentials credentials = Credentials.basic(StandardFixture.DEPLOYER, StandardFixture.WRITE_TOKEN, "bench");
        try (RegistryClient client = new RegistryClient(
                new ClientSettings("forge-maven-plugin-bench", Duration.ofSeconds(30), Duration.ofSeconds(300)))) {
            for (int i = 0; i < warmups; i++) {
                client.upload(
                        registry.packageFile(StandardFixture.ORG, PACKAGE, stamp + "-warm-" + i, name),
                        file,
                        credentials);
                curl(registry.packageFile(StandardFixture.ORG, PACKAGE, stamp + "-warm-curl-" + i, name), file);
            }
            for (int i = 0; i < runs; i++) {
                URI uri = registry.packageFile(StandardFixture.ORG, PACKAGE, stamp + "-client-" + i, name);
                long started = System.nanoTime();
                client.upload(uri, file, credentials);
                double clientSeconds = (System.nanoTime() - started) / 1e9;
                System.out.printf("client %.4f%n", clientSeconds);
                double curlSeconds =
                        curl(registry.packageFile(StandardFixture.ORG, PACKAGE, stamp + "-curl-" + i, name), file);
                System.out.printf("curl %.4f%n", curlSeconds);
                System.out.flush();
            }
        }
    }

    /** Runs the same curl command as the shell measures do; returns its wall time in seconds. */
    private static double curl(URI uri, Path file) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        "curl",
                        "-sS",
                        "-o",
                        "/dev/null",
                        "-w",
                        "%{http_code}",
                        "-u",
                        StandardFixture.DEPLOYER + ":" + StandardFixture.WRITE_TOKEN,
                        "-T",
                        file.toString(),
                        uri.toString()))
                .redirectErrorStream(true);
        long started = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (exit != 0 || !output.equals("201")) {
            throw new IOException("curl to " + uri + " failed (exit " + exit + "): " + output);
        }
        return seconds;
    }
}
