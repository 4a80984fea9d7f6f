package io.github.forgemaven.testing;

import static io.github.forgemaven.testing.StandardFixture.DEPLOYER;
import static io.github.forgemaven.testing.StandardFixture.DEPLOYER_PASSWORD;
import static io.github.forgemaven.testing.TestClient.basic;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.testing.forge.Flavour;
import java.io.IOException;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Faults injected through {@link RegistryEmulator#faults()}, observed by real clients over real sockets. */
@ParameterizedClass
@EnumSource(Flavour.class)
class FaultInjectionTest {

    @Parameter
    Flavour flavour;

    private static final String VERSION_URL = "/api/packages/deployer/generic/app/1.0/";
    private static final long HUNDRED_MIB = 100L << 20;

    @StandardEmulator
    private RegistryEmulator emulator;

    private HttpClient http;
    private final String auth = basic(DEPLOYER, DEPLOYER_PASSWORD);

    @BeforeEach
    void start() {
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Test
    void failNextAnswersWithTheStatusAndRetryAfterThenTheNextRequestSucceeds() throws Exception {
        emulator.faults().failNext("PUT", 2, 503, "7");
        byte[] content = bytes(10_000);

        HttpResponse<String> first = send(put("a.bin", content));
        HttpResponse<String> second = send(put("a.bin", content));
        HttpResponse<String> third = send(put("a.bin", content));

        for (HttpResponse<String> failed : List.of(first, second)) {
            assertEquals(503, failed.statusCode());
            assertEquals("7", failed.headers().firstValue("Retry-After").orElse(null));
            assertEquals("503 Service Unavailable", failed.body());
            assertEquals(
                    "text/plain; charset=utf-8",
                    failed.headers().firstValue("Content-Type").orElse(null));
        }
        assertEquals(201, third.statusCode());
        assertArrayEquals(content, stored("a.bin"));
        assertEquals(List.of(503, 503, 201), statuses());
        assertEquals(List.of(0L, 0L, 10_000L), bodyBytes());
        assertEquals(0, emulator.faults().pending());
    }

    @Test
    void failNextAnswersBeforeAuthenticationWithoutContinueAndCloses() throws Exception {
        emulator.faults().failNext("PUT", 1, 502);

        try (RawConnection connection = new RawConnection(emulator)) {
            connection.write(RawConnection.request(
                    "PUT", VERSION_URL + "big.bin", List.of("Expect: 100-continue"), HUNDRED_MIB));

            RawConnection.RawResponse response = connection.read();

            assertEquals(502, response.status(), "no 100 Continue and no 401: the fault answers first");
            assertEquals("502 Bad Gateway", response.text());
            assertEquals("close", response.headers().get("Connection"));
            assertNull(response.headers().get("Retry-After"));
            assertTrue(connection.closedByServer());
        }
        assertEquals(0, emulator.requests().get(0).bodyBytesReceived());
        assertTrue(emulator.files(DEPLOYER, "app", "1.0").isEmpty());
    }

    @Test
    void failAfterBodyReadsTheWholeUploadThenAnswersLikeABufferingProxy() throws Exception {
        emulator.faults().failAfterBody("PUT", 1, 502);
        byte[] content = bytes(200_000);

        HttpResponse<String> failed = send(put("a.bin", content));
        HttpResponse<String> retried = send(put("a.bin", content));

        assertEquals(502, failed.statusCode());
        assertEquals("502 Bad Gateway", failed.body());
        assertEquals(201, retried.statusCode());
        assertEquals(List.of(502, 201), statuses());
        assertEquals(List.of(200_000L, 200_000L), bodyBytes(), "the proxy read every byte before answering");
        assertArrayEquals(content, stored("a.bin"));
        assertEquals(1, emulator.files(DEPLOYER, "app", "1.0").size(), "nothing stored by the failed one");
    }

    @Test
    void faultsMatchTheirMethodAndFireInTheOrderAdded() throws Exception {
        emulator.store(DEPLOYER, "app", "1.0", "old.bin", bytes(3));
        emulator.faults()
                .failNext("PUT", 1, 500)
                .failNext("*", 1, 429, "Wed, 21 Oct 2015 07:28:00 GMT")
                .failNext("PUT", 1, 503);
        assertEquals(3, emulator.faults().pending());

        int put1 = send(put("x.bin", bytes(1))).statusCode();
        HttpResponse<String> get = send(get("old.bin"));
        int put2 = send(put("x.bin", bytes(1))).statusCode();
        int get2 = send(get("old.bin")).statusCode();
        int put3 = send(put("x.bin", bytes(1))).statusCode();

        assertEquals(500, put1);
        assertEquals(429, get.statusCode(), "the GET skips the PUT-only fault and takes the next one");
        assertEquals(
                "Wed, 21 Oct 2015 07:28:00 GMT",
                get.headers().firstValue("Retry-After").orElse(null));
        assertEquals(503, put2);
        assertEquals(200, get2);
        assertEquals(201, put3);
        assertEquals(List.of(500, 429, 503, 200, 201), statuses());
    }

    @Test
    void clearDisarmsEveryFaultAndTheLatency() throws Exception {
        emulator.faults().failNext("*", 5, 503).latency(Duration.ofSeconds(2));

        emulator.faults().clear();

        long started = System.nanoTime();
        assertEquals(201, send(put("c.bin", bytes(1))).statusCode());
        assertTrue(millisSince(started) < 2000);
        assertEquals(0, emulator.faults().pending());
    }

    @Test
    void droppedConnectionGivesTheClientAnIoExceptionAndStoresNothing() throws Exception {
        emulator.faults().dropConnectionMidBody(1, 1000);
        byte[] content = bytes(200_000);

        HttpRequest request = HttpRequest.newBuilder(uri("d.bin"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                .header("Authorization", auth)
                .expectContinue(true)
                .timeout(Duration.ofSeconds(10))
                .build();
        assertThrows(IOException.class, () -> http.send(request, HttpResponse.BodyHandlers.ofString()));

        assertTrue(emulator.file(DEPLOYER, "app", "1.0", "d.bin").isEmpty());
        RecordedRequest dropped = emulator.requests().get(0);
        assertEquals(0, dropped.status());
        assertEquals(1000, dropped.bodyBytesReceived());

        assertEquals(201, send(put("d.bin", content)).statusCode());
        assertArrayEquals(content, stored("d.bin"));
        assertEquals(List.of(0, 201), statuses());
    }

    @Test
    void droppedConnectionIsResetAfterContinue() throws Exception {
        emulator.faults().dropConnectionMidBody(1, 10);

        try (RawConnection connection = new RawConnection(emulator)) {
            connection.write(RawConnection.request(
                    "PUT", VERSION_URL + "r.bin", List.of("Authorization: " + auth, "Expect: 100-continue"), 100));
            assertEquals(100, connection.read().status());
            connection.write(new byte[100]);

            // a reset, not an orderly close: reading gives "Connection reset" rather than end-of-stream
            assertThrows(SocketException.class, connection::read);
        }
        assertEquals(10, emulator.requests().get(0).bodyBytesReceived());
    }

    @Test
    void storeThenAnswerStoresTheFileButTheClientSees504() throws Exception {
        emulator.faults().storeThenAnswer(1, 504);
        byte[] content = bytes(5000);

        HttpResponse<String> timedOut = send(put("s.bin", content));
        HttpResponse<String> again = send(put("s.bin", content));

        assertEquals(504, timedOut.statusCode());
        assertEquals("504 Gateway Timeout", timedOut.body());
        assertArrayEquals(content, stored("s.bin"));
        assertEquals(409, again.statusCode());
        assertEquals("package file already exists", again.body());
        assertEquals(List.of(504, 409), statuses());
        assertEquals(5000, emulator.requests().get(0).bodyBytesReceived());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void stalledRequestTimesOutOnTheClientAndCloseEndsIt(boolean readBody) throws Exception {
        emulator.store(DEPLOYER, "app", "1.0", "old.bin", bytes(3));
        emulator.faults().stallNext("PUT", 1, readBody);
        // large enough, when unread, to fill the socket buffers and block the client's writes
        byte[] content = bytes(readBody ? 100_000 : 8 << 20);

        HttpRequest request = HttpRequest.newBuilder(uri("st.bin"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                .header("Authorization", auth)
                .timeout(Duration.ofSeconds(1))
                .build();
        long started = System.nanoTime();
        assertThrows(HttpTimeoutException.class, () -> http.send(request, HttpResponse.BodyHandlers.ofString()));
        assertTrue(millisSince(started) < 5000);

        RecordedRequest stalled = awaitRecorded(1).get(0);
        assertEquals(0, stalled.status());
        assertEquals(readBody ? content.length : 0, stalled.bodyBytesReceived());
        assertEquals(200, send(get("old.bin")).statusCode(), "a stall holds only its own connection");
        assertTrue(emulator.file(DEPLOYER, "app", "1.0", "st.bin").isEmpty());
        assertFalse(emulatorThreads().isEmpty());

        long closing = System.nanoTime();
        emulator.close();

        assertTrue(millisSince(closing) < 3000, "close() must release the stalled connection");
        assertEquals(List.of(), threadsLeftAfter(Duration.ofSeconds(3)));
    }

    @Test
    void redirectCarriesLocationAndLeavesTheBodyUnread() throws Exception {
        String location = "https://registry.example/api/packages/deployer/generic/app/1.0/big.bin";
        emulator.faults().redirectNext("PUT", 1, 307, location);

        try (RawConnection connection = new RawConnection(emulator)) {
            connection.write(RawConnection.request(
                    "PUT",
                    VERSION_URL + "big.bin",
                    List.of("Authorization: " + auth, "Expect: 100-continue"),
                    HUNDRED_MIB));

            RawConnection.RawResponse response = connection.read();

            assertEquals(307, response.status());
            assertEquals(location, response.headers().get("Location"));
            assertTrue(connection.closedByServer());
        }
        RecordedRequest recorded = emulator.requests().get(0);
        assertEquals(307, recorded.status());
        assertEquals(0, recorded.bodyBytesReceived());
        assertTrue(emulator.files(DEPLOYER, "app", "1.0").isEmpty());
    }

    @Test
    void redirectOfAGetIsSeenByAClientThatDoesNotFollow() throws Exception {
        emulator.faults().redirectNext("GET", 1, 301, "/elsewhere");

        HttpResponse<String> moved = send(get("x.bin"));
        HttpResponse<String> next = send(get("x.bin"));

        assertEquals(301, moved.statusCode());
        assertEquals("/elsewhere", moved.headers().firstValue("Location").orElse(null));
        assertEquals(404, next.statusCode());
    }

    @Test
    void latencyDelaysEveryResponseUntilSetBackToZero() throws Exception {
        emulator.faults().latency(Duration.ofMillis(400));

        long started = System.nanoTime();
        assertEquals(201, send(put("l.bin", bytes(1))).statusCode());
        long delayed = millisSince(started);
        started = System.nanoTime();
        assertEquals(200, send(get("l.bin")).statusCode());
        long delayedGet = millisSince(started);
        emulator.faults().latency(0);
        started = System.nanoTime();
        assertEquals(200, send(get("l.bin")).statusCode());
        long undelayed = millisSince(started);

        assertTrue(delayed >= 400, "PUT took " + delayed + " ms");
        assertTrue(delayedGet >= 400, "GET took " + delayedGet + " ms");
        // the server's own time for the last GET: the client's clock would count a loaded machine's pauses too
        RecordedRequest last = emulator.requests().get(emulator.requests().size() - 1);
        long served = (last.traffic().answeredNanos() - last.traffic().startedNanos()) / 1_000_000;
        assertTrue(
                served < 400,
                "the server held the GET " + served + " ms (" + undelayed + " ms at the client)"
                        + " after latency was set to zero");
    }

    @Test
    void latencyDoesNotSerialiseConcurrentRequests() throws Exception {
        emulator.store(DEPLOYER, "app", "1.0", "p.bin", bytes(3));
        emulator.faults().latency(Duration.ofMillis(200));
        int parallel = 10;

        long started = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            responses.add(http.sendAsync(get("p.bin"), HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        long elapsed = millisSince(started);

        for (CompletableFuture<HttpResponse<String>> response : responses) {
            assertEquals(200, response.get().statusCode());
        }
        assertTrue(elapsed >= 200, "took " + elapsed + " ms");
        // Timed on the emulator's connections rather than by the client's clock, which a loaded machine
        // stretches with ten connection set-ups: one after another, the answers would span 10 x 200 ms.
        List<RecordedRequest> requests = emulator.requests();
        assertEquals(parallel, requests.size());
        long firstArrived = requests.stream()
                .mapToLong(r -> r.traffic().startedNanos())
                .min()
                .orElseThrow();
        long lastAnswered = requests.stream()
                .mapToLong(r -> r.traffic().answeredNanos())
                .max()
                .orElseThrow();
        long span = (lastAnswered - firstArrived) / 1_000_000;
        assertTrue(
                span < parallel * 200 / 2, "the server took " + span + " ms: requests were delayed one after another");
    }

    @Test
    void nonsenseIsRejectedWhenArmed() {
        Faults faults = emulator.faults();

        assertThrows(IllegalArgumentException.class, () -> faults.failNext("PUT", 0, 503));
        assertThrows(IllegalArgumentException.class, () -> faults.failNext("PUT", 1, 200));
        assertThrows(IllegalArgumentException.class, () -> faults.failNext(null, 1, 503));
        assertThrows(IllegalArgumentException.class, () -> faults.redirectNext("GET", 1, 200, "/x"));
        assertThrows(IllegalArgumentException.class, () -> faults.dropConnectionMidBody(1, -1));
        assertThrows(IllegalArgumentException.class, () -> faults.latency(Duration.ofMillis(-1)));
        assertEquals(0, faults.pending());
    }

    private HttpRequest put(String file, byte[] content) {
        return HttpRequest.newBuilder(uri(file))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                .header("Authorization", auth)
                .header("Content-Type", "application/octet-stream")
                .build();
    }

    private HttpRequest get(String file) {
        return HttpRequest.newBuilder(uri(file)).GET().build();
    }

    private URI uri(String file) {
        return URI.create(emulator.baseUrl() + VERSION_URL + file);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private byte[] stored(String file) {
        return emulator.file(DEPLOYER, "app", "1.0", file).orElseThrow().bytes();
    }

    private List<Integer> statuses() {
        return emulator.requests().stream().map(RecordedRequest::status).toList();
    }

    private List<Long> bodyBytes() {
        return emulator.requests().stream()
                .map(RecordedRequest::bodyBytesReceived)
                .toList();
    }

    private List<RecordedRequest> awaitRecorded(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (emulator.requests().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return emulator.requests();
    }

    /** The emulator's threads still alive once they had {@code grace} to end (a loaded machine needs a moment). */
    private List<String> threadsLeftAfter(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (!emulatorThreads().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return emulatorThreads();
    }

    private List<String> emulatorThreads() {
        String prefix = "registry-emulator-" + emulator.port() + "-";
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith(prefix))
                .toList();
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }
}
