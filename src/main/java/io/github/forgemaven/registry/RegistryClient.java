package io.github.forgemaven.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.FileEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Talks HTTP to one Forgejo or Gitea server: one client, and so one connection pool, per instance.
 *
 * <p>Every request carries its credentials preemptively, so a body is never sent twice for an
 * authentication challenge, and asks for {@code 100 Continue}, so a request the server refuses up
 * front (400, 401) does not push its whole body. Redirects and automatic retries are off: a
 * redirected PUT is reported, never followed with the credentials.
 */
public final class RegistryClient implements AutoCloseable {

    private static final int MAX_ERROR_BODY_BYTES = 4096;

    private final CloseableHttpClient http;

    /** Creates a client with its own connection pool. */
    public RegistryClient(ClientSettings settings) {
        HttpLogGuard.ensureSecretsStayUnlogged();
        ConnectionConfig connections = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                .build();
        RequestConfig requests = RequestConfig.custom()
                .setExpectContinueEnabled(true)
                .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                .setRedirectsEnabled(false)
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(connections)
                        .build())
                .setDefaultRequestConfig(requests)
                .setUserAgent(settings.userAgent())
                // Empty: no JVM-wide Authenticator may answer a challenge with other credentials.
                .setDefaultCredentialsProvider(new BasicCredentialsProvider())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .build();
    }

    /**
     * Uploads one file with {@code PUT}, streamed from disk.
     *
     * @throws RegistryResponseException when the server answers anything but 201 (or another 2xx)
     * @throws IOException when the exchange fails on the network
     */
    public void upload(URI uri, Path file, Credentials credentials) throws RegistryResponseException, IOException {
        HttpPut put = new HttpPut(uri);
        put.setHeader(HttpHeaders.AUTHORIZATION, credentials.basicAuthorization());
        put.setEntity(new FileEntity(file.toFile(), ContentType.APPLICATION_OCTET_STREAM));
        HttpFailure failure = http.execute(put, response -> failureOf("PUT", uri, response));
        if (failure != null) {
            throw new RegistryResponseException(failure);
        }
    }

    private static HttpFailure failureOf(String method, URI uri, ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        if (status >= 200 && status < 300) {
            return null;
        }
        Header location = response.getFirstHeader(HttpHeaders.LOCATION);
        return new HttpFailure(
                method,
                uri,
                status,
                response.getReasonPhrase(),
                response.containsHeader(HttpHeaders.WWW_AUTHENTICATE),
                location == null ? null : location.getValue(),
                ResponseExcerpt.of(readStart(response.getEntity())));
    }

    private static String readStart(HttpEntity entity) throws IOException {
        if (entity == null) {
            return "";
        }
        try (InputStream in = entity.getContent()) {
            return new String(in.readNBytes(MAX_ERROR_BODY_BYTES), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
