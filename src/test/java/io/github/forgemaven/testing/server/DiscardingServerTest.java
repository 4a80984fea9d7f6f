package io.github.forgemaven.testing.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The benchmark's loopback sink: takes any body, with or without 100-continue, and answers 201. */
class DiscardingServerTest {

    @Test
    void readsEveryBodyWholeAndAnswersCreated() throws Exception {
        try (DiscardingServer sink = DiscardingServer.start()) {
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (boolean expectContinue : new boolean[] {true, false, true}) {
                HttpRequest put = HttpRequest.newBuilder(URI.create(sink.baseUrl() + "/any/path.bin"))
                        .expectContinue(expectContinue)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[3 << 20]))
                        .build();
                HttpResponse<Void> response = client.send(put, HttpResponse.BodyHandlers.discarding());
                assertEquals(201, response.statusCode());
            }
            assertEquals(3L * (3 << 20), sink.bytesRead());
        }
    }
}
