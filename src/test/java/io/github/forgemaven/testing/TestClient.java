package io.github.forgemaven.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Sends requests with the JDK HttpClient, the way a plain HTTP/1.1 client would. */
public final class TestClient {

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;

    public TestClient(RegistryEmulator emulator) {
        this.baseUrl = emulator.baseUrl();
    }

    /** {@code headers} are name/value pairs; {@code body} null for no body. */
    HttpResponse<byte[]> send(String method, String rawPath, byte[] body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + rawPath))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<byte[]> put(String rawPath, byte[] body, String... headers) {
        return send("PUT", rawPath, body, headers);
    }

    HttpResponse<byte[]> get(String rawPath, String... headers) {
        return send("GET", rawPath, null, headers);
    }

    HttpResponse<byte[]> delete(String rawPath, String... headers) {
        return send("DELETE", rawPath, null, headers);
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 3986 path-segment escaping, as the plugin is meant to do it (space as %20). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
