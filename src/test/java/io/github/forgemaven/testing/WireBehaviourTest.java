package io.github.forgemaven.testing;

import static io.github.forgemaven.testing.StandardFixture.DEPLOYER;
import static io.github.forgemaven.testing.StandardFixture.DEPLOYER_PASSWORD;
import static io.github.forgemaven.testing.StandardFixture.READ_TOKEN;
import static io.github.forgemaven.testing.TestClient.basic;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.testing.forge.BlobStore;
import io.github.forgemaven.testing.forge.Flavour;
import io.github.forgemaven.testing.forge.StoredFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What happens on the socket: 100-continue like Go's net/http, chunked bodies, keep-alive, streaming. */
class WireBehaviourTest {

    private static final String URL = "/api/packages/deployer/generic/app/1.0/";
    private static final long HUNDRED_MIB = 100L << 20;

    @StandardEmulator
    private RegistryEmulator emulator;

    private final String auth = "Authorization: " + basic(DEPLOYER, DEPLOYER_PASSWORD);

    @Test
    void rejectedExpectContinueUploadGetsTheFinalAnswerWithoutContinueAndSendsNoBody() throws Exception {
        List<String> credentials =
                List.of("Authorization: " + basic(DEPLOYER, "wrong"), "Authorization: token " + READ_TOKEN);
        for (String credential : credentials) {
            try (RawConnection connection = new RawConnection(emulator)) {
                connection.write(RawConnection.request(
                        "PUT", URL + "big.bin", List.of(credential, "Expect: 100-continue"), HUNDRED_MIB));

                RawConnection.RawResponse response = connection.read();

                assertEquals(401, response.status());
                assertEquals("close", response.headers().get("Connection"));
                assertTrue(connection.closedByServer());
            }
        }
        assertEquals(2, emulator.requests().size());
        for (RecordedRequest recorded : emulator.requests()) {
            assertEquals(401, recorded.status());
            assertEquals(0, recorded.bodyBytesReceived());
        }
    }

    @Test
    void invalidNameIsRejectedBeforeContinue() throws Exception {
        try (RawConnection connection = new RawConnection(emulator)) {
            connection.write(RawConnection.request(
                    "PUT",
                    "/api/packages/deployer/generic/a%20b/1.0/x.bin",
                    List.of(auth, "Expect: 100-continue"),
                    HUNDRED_MIB));

            RawConnection.RawResponse response = connection.read();

            assertEquals(400, response.status());
            assertEquals("invalid package name", response.text());
        }
        assertEquals(0, emulator.requests().get(0).bodyBytesReceived());
    }

    @Test
    void acceptedExpectContinueUploadGetsContinueThenCreated() throws Exception {
        byte[] content = "hello, registry".getBytes(StandardCharsets.UTF_8);
        try (RawConnection connection = new RawConnection(emulator)) {
            connection.write(RawConnection.request(
                    "PUT", URL + "hello.txt", List.of(auth, "Expect: 100-continue"), content.length));

            RawConnection.RawResponse interim = connection.read();
            connection.write(content);
            RawConnection.RawResponse response = connection.read();

            assertEquals(100, interim.status());
            assertEquals(201, response.status());
            assertEquals("0", response.headers().get("Content-Length"));
        }
        assertArrayEquals(
                content,
                emulator.file(DEPLOYER, "app", "1.0", "hello.txt").orElseThrow().bytes());
        assertEquals(content.length, emulator.requests().get(0).bodyBytesReceived());
    }

    @Test
    void chunkedUploadIsDecoded() throws Exception {
        try (RawConnection connection = new RawConnection(emulator)) {
            connection.write(
                    RawConnection.request("PUT", URL + "chunked.bin", List.of(auth, "Transfer-Encoding: chunked"), -1));
            connection.write("5\r\nhello\r\n1;ext=1\r\n,\r\nA\r\n chunked!!\r\n0\r\nX-Trailer: t\r\n\r\n");

            RawConnection.RawResponse response = connection.read();

            assertEquals(201, response.status());
        }
        assertEquals(
                "hello, chunked!!",
                new String(
                        emulator.file(DEPLOYER, "app", "1.0", "chunked.bin")
                                .orElseThrow()
                                .bytes(),
                        StandardCharsets.UTF_8));
        assertEquals(16, emulator.requests().get(0).bodyBytesReceived());
    }

    @Test
    void keepAliveCarriesSeveralRequests() throws Exception {
        try (RawConnection connection = new RawConnection(emulator)) {
            connection.write(RawConnection.request("PUT", URL + "one.bin", List.of(auth), 3) + "one");
            RawConnection.RawResponse first = connection.read();
            connection.write(RawConnection.request("PUT", URL + "two.bin", List.of(auth), 3) + "two");
            RawConnection.RawResponse second = connection.read();
            // a small unread body is drained, as Go does, so even a rejection keeps the connection
            connection.write(RawConnection.request("PUT", URL + "three.bin", List.of(), 5) + "three");
            RawConnection.RawResponse rejected = connection.read();
            connection.write(RawConnection.request("GET", URL + "two.bin", List.of(), -1));
            RawConnection.RawResponse download = connection.read();

            assertEquals(201, first.status());
            assertEquals(201, second.status());
            assertEquals(401, rejected.status());
            assertEquals(200, download.status());
            assertEquals("two", download.text());
        }
        assertEquals(
                List.of(201, 201, 401, 200),
                emulator.requests().stream().map(RecordedRequest::status).toList());
    }

    @Test
    void largeUploadStreamsAndHashesCorrectly() throws Exception {
        byte[] block = new byte[1 << 20];
        new Random(42).nextBytes(block);
        int blocks = 48;
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (RawConnection connection = new RawConnection(emulator)) {
            connection.write(
                    RawConnection.request("PUT", URL + "large.bin", List.of(auth), (long) block.length * blocks));
            for (int i = 0; i < blocks; i++) {
                block[0] = (byte) i;
                sha256.update(block);
                connection.write(block);
            }
            assertEquals(201, connection.read().status());
        }
        StoredFile stored = emulator.file(DEPLOYER, "app", "1.0", "large.bin").orElseThrow();
        assertEquals((long) block.length * blocks, stored.size());
        assertEquals(HexFormat.of().formatHex(sha256.digest()), stored.sha256());
    }

    @Test
    void discardingStoreKeepsSizesAndHashes() throws IOException {
        try (RegistryEmulator discarding =
                RegistryEmulator.builder().blobStore(BlobStore.discarding()).start()) {
            discarding.addUser(DEPLOYER, DEPLOYER_PASSWORD);
            try (RawConnection connection = new RawConnection(discarding)) {
                connection.write(RawConnection.request("PUT", URL + "x.bin", List.of(auth), 3) + "abc");
                assertEquals(201, connection.read().status());
            }
            StoredFile stored = discarding.file(DEPLOYER, "app", "1.0", "x.bin").orElseThrow();
            assertEquals(3, stored.size());
            assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", stored.sha256());
        }
    }

    @Test
    void malformedPercentEscapeIs400BeforeAnyHandler() throws Exception {
        try (RawConnection connection = new RawConnection(emulator)) {
            connection.write(RawConnection.request("GET", "/api/packages/deployer/generic/app/1.0/%zz", List.of(), -1));

            assertEquals(400, connection.read().status());
        }
        assertEquals(List.of(), emulator.requests());
    }

    @Test
    void headRequestGetsNoBody() throws Exception {
        try (RegistryEmulator gitea = StandardFixture.start(Flavour.GITEA);
                RawConnection connection = new RawConnection(gitea)) {
            connection.write(RawConnection.request("PUT", URL + "h.bin", List.of(auth), 4) + "abcd");
            assertEquals(201, connection.read().status());
            connection.write(RawConnection.request("HEAD", URL + "h.bin", List.of(), -1));
            connection.write(RawConnection.request("GET", URL + "h.bin", List.of(), -1));

            String head = readHeadOnly(connection);
            RawConnection.RawResponse get = connection.read();

            assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n"), head);
            assertTrue(head.contains("Content-Length: 4\r\n"), head);
            assertEquals("abcd", get.text(), "the HEAD reply must not carry body bytes into the next response");
        }
    }

    private static String readHeadOnly(RawConnection connection) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        RawConnection.RawResponse response = connection.readHead();
        head.write(("HTTP/1.1 " + response.status() + " OK\r\n").getBytes(StandardCharsets.ISO_8859_1));
        response.headers()
                .forEach((k, v) -> head.writeBytes((k + ": " + v + "\r\n").getBytes(StandardCharsets.ISO_8859_1)));
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
