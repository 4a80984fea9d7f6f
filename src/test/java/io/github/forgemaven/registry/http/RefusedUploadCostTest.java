package io.github.forgemaven.registry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.forgemaven.registry.plan.PackageCoordinates;
import io.github.forgemaven.registry.plan.RegistryUrl;
import io.github.forgemaven.testing.FrontEndProxy;
import io.github.forgemaven.testing.RegistryEmulator;
import io.github.forgemaven.testing.StandardFixture;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a refused 100 MiB upload costs, in body bytes the client sent, straight to the server and behind an
 * nginx-like front end (issue 12 §2): the README's statements about it rest on these numbers.
 */
class RefusedUploadCostTest {

    private static final long SIZE = 100L << 20;
    private static final ClientSettings SETTINGS =
            new ClientSettings("forge-maven-plugin/test", Duration.ofSeconds(5), Duration.ofSeconds(60));
    private static final Credentials WRONG = Credentials.basic(
            "deployer", "0badc0ffee0badc0ffee0badc0ffee0badc0ffee", "<server> 'forge' in settings.xml");

    @TempDir
    Path dir;

    private RegistryEmulator registry;
    private RegistryClient client;
    private Path file;

    @BeforeEach
    void start() throws Exception {
        registry = StandardFixture.start();
        client = new RegistryClient(SETTINGS);
        file = dir.resolve("app-1.0.jar");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(SIZE);
        }
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        registry.close();
    }

    private int refusedStatus(String baseUrl) {
        URI uri = new PackageCoordinates(RegistryUrl.parse(baseUrl), "acme", "app", "1.0").fileUri("app-1.0.jar");
        return assertThrows(RegistryResponseException.class, () -> client.upload(uri, file, WRONG))
                .failure()
                .status();
    }

    @Test
    void straightToTheServerAWrongTokenCostsNoBodyByte() {
        assertEquals(401, refusedStatus(registry.baseUrl()));

        assertEquals(0, registry.requests().get(0).bodyBytesReceived());
    }

    @Test
    void behindABufferingProxyAWrongTokenCostsTheWholeBody() {
        try (FrontEndProxy proxy = FrontEndProxy.in(registry).bodyLimit(0).start()) {
            assertEquals(401, refusedStatus(proxy.baseUrl()));

            assertEquals(SIZE, proxy.requests().get(0).bodyBytesFromClient());
        }
        assertEquals(0, registry.requests().get(0).bodyBytesReceived(), "the server itself still reads nothing");
    }

    @Test
    void behindAStreamingProxyAWrongTokenCostsTheWholeBodyToo() {
        try (FrontEndProxy proxy =
                FrontEndProxy.in(registry).bodyLimit(0).buffering(false).start()) {
            assertEquals(401, refusedStatus(proxy.baseUrl()));

            assertEquals(SIZE, proxy.requests().get(0).bodyBytesFromClient());
        }
    }

    @Test
    void theProxysBodyLimitCostsNoBodyByte() {
        try (FrontEndProxy proxy = FrontEndProxy.in(registry).start()) {
            assertEquals(413, refusedStatus(proxy.baseUrl()));

            assertEquals(0, proxy.requests().get(0).bodyBytesFromClient());
        }
        assertEquals(0, registry.requests().size());
    }
}
