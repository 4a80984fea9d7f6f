package io.github.forgemaven.testing;

import static io.github.forgemaven.testing.StandardFixture.DEPLOYER;
import static io.github.forgemaven.testing.StandardFixture.DEPLOYER_PASSWORD;
import static io.github.forgemaven.testing.TestClient.basic;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The nginx-like front end: its own 100 Continue, buffering, the body limit, its HTML pages, header rewriting. */
class FrontEndProxyTest {

    private static final String URL = "/api/packages/deployer/generic/app/1.0/";

    private RegistryEmulator emulator;
    private final String auth = "Authorization: " + basic(DEPLOYER, DEPLOYER_PASSWORD);

    @BeforeEach
    void start() {
        emulator = StandardFixture.start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void answersContinueItselfAndTheServerSeesTheRequestOnlyWithTheWholeBody() throws Exception {
        try (FrontEndProxy proxy = FrontEndProxy.in(emulator).start();
                RawConnection connection = new RawConnection(proxy.port())) {
            connection.write(RawConnection.request(
                    "PUT", URL + "a.bin", List.of(auth, "Expect: 100-continue", "X_Custom: dropped"), 10));

            assertEquals(100, connection.read().status());
            connection.write("01234");
            Thread.sleep(200);
            assertEquals(List.of(), emulator.requests(), "the server is asked only once the body is in");
            connection.write("56789");
            RawConnection.RawResponse response = connection.read();

            assertEquals(201, response.status());
            assertEquals("nginx", response.headers().get("Server"));
        }
        RecordedRequest forwarded = emulator.requests().get(0);
        assertNull(forwarded.header("Expect"), "nginx clears Expect");
        assertNull(forwarded.header("X_Custom"), "underscores_in_headers off");
        assertEquals("10", forwarded.header("Content-Length"));
        assertEquals("127.0.0.1", forwarded.header("X-Forwarded-For"));
        assertEquals(10, forwarded.bodyBytesReceived());
        assertArrayEquals(
                "0123456789".getBytes(StandardCharsets.US_ASCII),
                emulator.file(DEPLOYER, "app", "1.0", "a.bin").orElseThrow().bytes());
    }

    @Test
    void aContentLengthOverTheLimitGets413AtOnceWithoutContinue() throws Exception {
        try (FrontEndProxy proxy = FrontEndProxy.in(emulator).bodyLimit(1000).start();
                RawConnection connection = new RawConnection(proxy.port())) {
            connection.write(
                    RawConnection.request("PUT", URL + "big.bin", List.of(auth, "Expect: 100-continue"), 1001));

            RawConnection.RawResponse response = connection.read();

            assertEquals(413, response.status());
            assertEquals("text/html", response.headers().get("Content-Type"));
            assertEquals(FrontEndProxy.errorPage(413), response.text());
            assertTrue(response.text().contains("<center><h1>413 Request Entity Too Large</h1></center>"));
            assertEquals("close", response.headers().get("Connection"));
            assertEquals(0, proxy.requests().get(0).bodyBytesFromClient());
            assertFalse(proxy.requests().get(0).forwarded());
        }
        assertEquals(List.of(), emulator.requests());
    }

    @Test
    void aChunkedBodyGets413WhenItPassesTheLimit() throws Exception {
        try (FrontEndProxy proxy = FrontEndProxy.in(emulator).bodyLimit(8).start();
                RawConnection connection = new RawConnection(proxy.port())) {
            connection.write(
                    RawConnection.request("PUT", URL + "c.bin", List.of(auth, "Transfer-Encoding: chunked"), -1));
            connection.write("5\r\nhello\r\n5\r\nworld\r\n0\r\n\r\n");

            assertEquals(413, connection.read().status());
        }
        assertEquals(List.of(), emulator.requests());
    }

    @Test
    void aChunkedBodyUnderTheLimitReachesTheServerWithALength() throws Exception {
        try (FrontEndProxy proxy = FrontEndProxy.in(emulator).start();
                RawConnection connection = new RawConnection(proxy.port())) {
            connection.write(
                    RawConnection.request("PUT", URL + "c.bin", List.of(auth, "Transfer-Encoding: chunked"), -1));
            connection.write("5\r\nhello\r\n0\r\n\r\n");

            assertEquals(201, connection.read().status());
        }
        assertEquals("5", emulator.requests().get(0).header("Content-Length"));
        assertNull(emulator.requests().get(0).header("Transfer-Encoding"));
    }

    @Test
    void a502AfterTheBodyIsNginxsPageAndTheServerNeverSeesTheRequest() throws Exception {
        try (FrontEndProxy proxy = FrontEndProxy.in(emulator).start().failAfterBody("PUT", 1, 502);
                RawConnection connection = new RawConnection(proxy.port())) {
            connection.write(RawConnection.request("PUT", URL + "a.bin", List.of(auth), 5) + "hello");

            RawConnection.RawResponse response = connection.read();

            assertEquals(502, response.status());
            assertEquals(FrontEndProxy.errorPage(502), response.text());
            assertEquals(5, proxy.requests().get(0).bodyBytesFromClient());
        }
        assertEquals(List.of(), emulator.requests());
    }

    @Test
    void a504AfterTheServerStoredTheUpload() throws Exception {
        try (FrontEndProxy proxy = FrontEndProxy.in(emulator).start().answerAfterServer("PUT", 1, 504);
                RawConnection connection = new RawConnection(proxy.port())) {
            connection.write(RawConnection.request("PUT", URL + "a.bin", List.of(auth), 5) + "hello");

            RawConnection.RawResponse response = connection.read();

            assertEquals(504, response.status());
            assertTrue(response.text().contains("504 Gateway Time-out"));
        }
        assertEquals(201, emulator.requests().get(0).status());
        assertTrue(emulator.file(DEPLOYER, "app", "1.0", "a.bin").isPresent());
    }

    @Test
    void requestHeadersCanBeSetAndStripped() throws Exception {
        try (FrontEndProxy proxy = FrontEndProxy.in(emulator)
                        .setRequestHeader("Host", "forge.example.com")
                        .stripRequestHeader("User-Agent")
                        .start();
                RawConnection connection = new RawConnection(proxy.port())) {
            connection.write(RawConnection.request("GET", "/api/v1/version", List.of("User-Agent: test/1"), -1));

            RawConnection.RawResponse response = connection.read();

            assertEquals(200, response.status());
            assertTrue(response.text().startsWith("{\"version\":"));
        }
        assertEquals("forge.example.com", emulator.requests().get(0).header("Host"));
        assertNull(emulator.requests().get(0).header("User-Agent"));
    }

    @Test
    void withoutBufferingTheServerAnswersEarlyAndTheRestOfTheBodyIsDiscarded() throws Exception {
        try (FrontEndProxy proxy =
                        FrontEndProxy.in(emulator).buffering(false).bodyLimit(0).start();
                RawConnection connection = new RawConnection(proxy.port())) {
            long size = 4L << 20;
            connection.write(RawConnection.request(
                    "PUT", URL + "a.bin", List.of("Authorization: " + basic(DEPLOYER, "wrong")), size));
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < 4; i++) {
                connection.write(block);
            }

            RawConnection.RawResponse response = connection.read();

            assertEquals(401, response.status());
            assertEquals(size, proxy.requests().get(0).bodyBytesFromClient());
        }
        assertEquals(0, emulator.requests().get(0).bodyBytesReceived());
    }
}
