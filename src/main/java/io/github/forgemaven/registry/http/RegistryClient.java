package io.github.forgemaven.registry.http;

import io.github.forgemaven.registry.plan.RegistryUrl;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.mime.FileBody;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.auth.BasicScheme;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Talks HTTP to one Forgejo or Gitea server: one client, and so one connection pool, per instance.
 *
 * <p>Every request carries its credentials preemptively, so a body is never sent twice for an
 * authentication challenge, and an upload asks for {@code 100 Continue}, so a request the server
 * refuses up front (400, 401) does not push its whole body. Redirects and automatic retries are
 * off: a redirected PUT is reported, never followed with the credentials; retries are the
 * caller's decision ({@link Retrying}).
 *
 * <p>With a {@link ProxySettings proxy}, every request goes through it. Its
 * credentials are scoped to the proxy's host and port, so they never reach the registry. For an
 * {@code http} target they are sent preemptively in {@code Proxy-Authorization}, so a body is never
 * sent twice for a {@code 407}; an {@code https} target is reached through a {@code CONNECT} tunnel
 * that carries them (the request and its body go through only once the tunnel stands), so the
 * proxy never sees the registry's {@code Authorization}.
 */
public final class RegistryClient implements AutoCloseable {

    private static final int MAX_ERROR_BODY_BYTES = 4096;

    private final CloseableHttpClient http;
    private final ClientSettings settings;
    private final HttpHost proxyHost;
    private final UsernamePasswordCredentials proxyCredentials;
    private final Duration idleTimeout;
    private final ScheduledExecutorService watchdog;
    private final ExecutorService hashing;
    private final LazyTlsStrategy tls = new LazyTlsStrategy();

    /** Creates a client with its own connection pool. */
    public RegistryClient(ClientSettings settings) {
        this.settings = settings;
        this.idleTimeout = settings.responseTimeout();
        ConnectionConfig connections = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                .build();
        RequestConfig requests = RequestConfig.custom()
                .setExpectContinueEnabled(true)
                .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                .setRedirectsEnabled(false)
                .build();
        // Empty unless there is a proxy: no JVM-wide Authenticator may answer a challenge with other credentials.
        BasicCredentialsProvider credentialsProvider = new BasicCredentialsProvider();
        HttpClientBuilder builder = HttpClients.custom();
        ProxySettings proxy = settings.proxy();
        if (proxy != null) {
            ProxyRoutePlanner planner = new ProxyRoutePlanner(proxy);
            builder.setRoutePlanner(planner);
            this.proxyHost = planner.proxyHost();
        } else {
            this.proxyHost = null;
        }
        if (proxy != null && proxy.hasCredentials()) {
            this.proxyCredentials = new UsernamePasswordCredentials(
                    proxy.username(), (proxy.password() == null ? "" : proxy.password()).toCharArray());
            // Scoped to the proxy's host and port: a registry's challenge is never answered with them.
            credentialsProvider.setCredentials(new AuthScope(proxyHost), proxyCredentials);
        } else {
            this.proxyCredentials = null;
        }
        this.http = builder.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(connections)
                        .setTlsSocketStrategy(tls)
                        .setMaxConnPerRoute(Math.max(2, settings.maxConnections()))
                        .setMaxConnTotal(Math.max(2, settings.maxConnections()))
                        .build())
                .setDefaultRequestConfig(requests)
                .setUserAgent(settings.userAgent())
                .setDefaultCredentialsProvider(credentialsProvider)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .build();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("forge-upload-watchdog"));
        this.hashing = Executors.newCachedThreadPool(DaemonThreads.named("forge-sha256"));
    }

    /** Whether this client has set up TLS, which it does on its first {@code https} connection only. */
    boolean tlsInitialised() {
        return tls.initialised();
    }

    /**
     * Uploads one file with {@code PUT}, streamed from disk and fingerprinted on the way.
     *
     * @return the size and SHA-256 of what was sent
     * @throws RegistryResponseException when the server answers anything but 2xx
     * @throws IdleTimeoutException when the server took no data for longer than the response timeout
     * @throws IOException when the exchange fails on the network
     */
    public Fingerprint upload(URI uri, Path file, Credentials credentials)
            throws RegistryResponseException, IOException {
        return upload(uri, file, Files.size(file), credentials, (sent, total) -> {});
    }

    /** Told how far an upload has got, about once a second, from another thread. */
    @FunctionalInterface
    public interface Progress {
        /** {@code sent} of {@code total} body bytes are on their way. */
        void progress(long sent, long total);
    }

    /**
     * Uploads one file like {@link #upload(URI, Path, Credentials)}, telling {@code progress} how far it got.
     *
     * @param length the file's size as the plan read it: the {@code Content-Length}; a file that no longer has
     *     that size fails the upload
     * @return the size and SHA-256 of what was sent
     */
    public Fingerprint upload(URI uri, Path file, long length, Credentials credentials, Progress progress)
            throws RegistryResponseException, IOException {
        HttpPut put = new HttpPut(uri);
        HashingFileEntity body = new HashingFileEntity(file, length, hashing);
        put.setEntity(body);
        AtomicBoolean stalled = new AtomicBoolean();
        ScheduledFuture<?> guard = watchStalls(put, body::sent, length, stalled, progress);
        try {
            send(put, credentials);
        } catch (IOException e) {
            if (stalled.get()) {
                throw new IdleTimeoutException("the server took no data for " + idleTimeout.toSeconds() + " s after "
                        + body.sent() + " of " + length + " bytes");
            }
            throw e;
        } finally {
            guard.cancel(false);
        }
        return body.fingerprint();
    }

    /**
     * Lists the files of a package version through the REST API.
     *
     * @return the files; none when the version does not exist; a refusal when the server would not say
     * @throws IOException when the exchange fails on the network
     */
    public Listing list(URI listingUri, Credentials credentials) throws IOException {
        HttpGet get = new HttpGet(listingUri);
        HttpClientContext context = authorize(get, listingUri, credentials);
        get.setHeader(HttpHeaders.ACCEPT, "application/json");
        return http.execute(get, context, response -> {
            int status = response.getCode();
            if (status == 404) {
                EntityUtils.consume(response.getEntity());
                return Listing.of(RemoteFiles.NONE);
            }
            if (status != 200) {
                HttpFailure failure = failureOf("GET", listingUri, response);
                return Listing.refused(failure.statusLine()
                        + (failure.bodyExcerpt().isEmpty() ? "" : " \"" + failure.bodyExcerpt() + "\""));
            }
            String json = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            try {
                return Listing.of(RemoteFiles.of(PackageFile.listOf(json)));
            } catch (IllegalArgumentException e) {
                return Listing.refused("an unreadable files listing (" + e.getMessage() + ")");
            }
        });
    }

    /**
     * Asks the server which product and version it is; never fails. Both version endpoints are asked
     * without credentials, which both servers answer unless strict {@code REQUIRE_SIGNIN_VIEW} is on: a
     * wrong token gets 401 there too, and the hint that explains the 401 should still name the server.
     * Only when they refuse an anonymous caller are they asked again with {@code credentials}.
     *
     * @return empty when neither version endpoint answered
     */
    public Optional<ServerVersion> serverVersion(RegistryUrl registry, Credentials credentials) {
        URI forgejoUri = URI.create(registry.base() + "/api/forgejo/v1/version");
        URI apiUri = URI.create(registry.base() + "/api/v1/version");
        VersionReply forgejo = versionAt(forgejoUri, null);
        VersionReply api = forgejo.version() != null ? null : versionAt(apiUri, null);
        if (forgejo.version() == null && api.version() == null && (forgejo.refused() || api.refused())) {
            forgejo = versionAt(forgejoUri, credentials);
            api = forgejo.version() != null ? null : versionAt(apiUri, credentials);
        }
        return ServerVersion.of(forgejo.version(), api == null ? null : api.version());
    }

    /**
     * Links a package to a repository of its owner ({@code POST .../-/link/{repository}}).
     *
     * @throws RegistryResponseException when the server answers anything but 2xx
     * @throws IOException when the exchange fails on the network
     */
    public void link(URI linkUri, Credentials credentials) throws RegistryResponseException, IOException {
        send(new HttpPost(linkUri), credentials);
    }

    /**
     * Sends one JSON API request ({@code body} is {@code null} for none) and reads the JSON reply.
     *
     * @return the parsed reply, {@code null} for an empty one (204)
     * @throws RegistryResponseException when the server answers anything but 2xx
     * @throws IOException when the exchange fails on the network, or the reply is not JSON
     */
    public Object json(String method, URI uri, String body, Credentials credentials)
            throws RegistryResponseException, IOException {
        HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
        if (body != null) {
            request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        }
        request.setHeader(HttpHeaders.ACCEPT, "application/json");
        return readJson(request, uri, credentials);
    }

    /**
     * Posts one file as a release asset, streamed from disk: a raw {@code application/octet-stream}
     * body, or, for servers that take only that, a {@code multipart/form-data} body whose
     * {@code attachment} part is streamed too.
     *
     * @return the server's JSON reply, and the fingerprint of a raw body
     */
    public PostedFile postFile(
            URI uri, Path file, String fileName, boolean multipart, Credentials credentials, Progress progress)
            throws RegistryResponseException, IOException {
        HttpPost post = new HttpPost(uri);
        long length = file.toFile().length();
        HashingFileEntity raw = multipart ? null : new HashingFileEntity(file, length, hashing);
        CountingEntity body = new CountingEntity(
                multipart
                        ? MultipartEntityBuilder.create()
                                .setMode(HttpMultipartMode.STRICT)
                                .addPart(
                                        "attachment",
                                        new FileBody(file.toFile(), ContentType.APPLICATION_OCTET_STREAM, fileName))
                                .build()
                        : raw);
        post.setEntity(body);
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
        AtomicBoolean stalled = new AtomicBoolean();
        ScheduledFuture<?> guard = watchStalls(post, body::sent, body.getContentLength(), stalled, progress);
        try {
            Object json = readJson(post, uri, credentials);
            return new PostedFile(json, raw == null ? null : raw.fingerprint());
        } catch (IOException e) {
            if (stalled.get()) {
                throw new IdleTimeoutException("the server took no data for " + idleTimeout.toSeconds() + " s after "
                        + body.sent() + " of " + body.getContentLength() + " bytes");
            }
            throw e;
        } finally {
            guard.cancel(false);
        }
    }

    /**
     * The reply to {@link #postFile}.
     *
     * @param json the server's JSON reply, parsed
     * @param sent the size and SHA-256 of the raw body that was sent, or {@code null} for a multipart body (which
     *     is not fingerprinted)
     */
    public record PostedFile(Object json, Fingerprint sent) {}

    /** Posts a {@code multipart/form-data} body of text fields only, and reads the JSON reply. */
    public Object postForm(URI uri, Map<String, String> fields, Credentials credentials)
            throws RegistryResponseException, IOException {
        MultipartEntityBuilder form = MultipartEntityBuilder.create().setMode(HttpMultipartMode.STRICT);
        fields.forEach((name, value) -> form.addTextBody(name, value, ContentType.TEXT_PLAIN.withCharset("UTF-8")));
        HttpPost post = new HttpPost(uri);
        post.setEntity(form.build());
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
        return readJson(post, uri, credentials);
    }

    /**
     * Reads a small text file, such as a release's checksum file, following one redirect to the same host.
     *
     * @return the text, or empty when the server answers 404
     */
    public Optional<String> fetchText(URI uri, Credentials credentials, int maxBytes)
            throws RegistryResponseException, IOException {
        for (int hop = 0; ; hop++) {
            HttpGet get = new HttpGet(uri);
            HttpClientContext context = authorize(get, uri, credentials);
            URI current = uri;
            Object[] reply = http.execute(get, context, response -> {
                int status = response.getCode();
                if (status == 404) {
                    EntityUtils.consume(response.getEntity());
                    return new Object[] {null, null, null};
                }
                if (status >= 300 && status < 400 && response.getFirstHeader(HttpHeaders.LOCATION) != null) {
                    String location =
                            response.getFirstHeader(HttpHeaders.LOCATION).getValue();
                    EntityUtils.consume(response.getEntity());
                    return new Object[] {null, current.resolve(location), null};
                }
                HttpFailure failure = failureOf("GET", current, response);
                if (failure != null) {
                    EntityUtils.consume(response.getEntity());
                    return new Object[] {null, null, failure};
                }
                try (InputStream in = response.getEntity().getContent()) {
                    return new Object[] {new String(in.readNBytes(maxBytes), StandardCharsets.UTF_8), null, null};
                }
            });
            if (reply[2] != null) {
                throw new RegistryResponseException((HttpFailure) reply[2]);
            }
            if (reply[1] instanceof URI next && hop == 0 && sameHost(uri, next)) {
                uri = next;
                continue;
            }
            if (reply[1] != null) {
                throw new IOException("GET " + uri + " was redirected to another host; not following it");
            }
            return Optional.ofNullable((String) reply[0]);
        }
    }

    private static boolean sameHost(URI a, URI b) {
        return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
    }

    private Object readJson(HttpUriRequestBase request, URI uri, Credentials credentials)
            throws RegistryResponseException, IOException {
        HttpClientContext context = authorize(request, uri, credentials);
        Object[] reply = http.execute(request, context, response -> {
            HttpFailure failure = failureOf(request.getMethod(), uri, response);
            if (failure != null) {
                EntityUtils.consume(response.getEntity());
                return new Object[] {failure, null};
            }
            HttpEntity entity = response.getEntity();
            return new Object[] {null, entity == null ? "" : EntityUtils.toString(entity, StandardCharsets.UTF_8)};
        });
        if (reply[0] != null) {
            throw new RegistryResponseException((HttpFailure) reply[0]);
        }
        String text = (String) reply[1];
        if (text.isBlank()) {
            return null;
        }
        try {
            return JsonReader.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(
                    request.getMethod() + " " + uri + " answered something that is not JSON (" + e.getMessage() + ")");
        }
    }

    /** What a version endpoint said: the version, or whether it refused the caller (401, 403). */
    private record VersionReply(String version, boolean refused) {}

    /** Asks one version endpoint, without credentials when {@code credentials} is {@code null}. */
    private VersionReply versionAt(URI uri, Credentials credentials) {
        HttpGet get = new HttpGet(uri);
        HttpClientContext context = authorize(get, uri, credentials);
        get.setHeader(HttpHeaders.ACCEPT, "application/json");
        try {
            return http.execute(get, context, response -> {
                if (response.getCode() != 200) {
                    EntityUtils.consume(response.getEntity());
                    return new VersionReply(null, response.getCode() == 401 || response.getCode() == 403);
                }
                Object json = JsonReader.parse(EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8));
                return new VersionReply(
                        json instanceof Map<?, ?> map && map.get("version") instanceof String version ? version : null,
                        false);
            });
        } catch (IOException | IllegalArgumentException e) {
            return new VersionReply(null, false);
        }
    }

    /**
     * Deletes one file of a package version.
     *
     * @throws RegistryResponseException when the server answers anything but 2xx (404: already gone)
     * @throws IOException when the exchange fails on the network
     */
    public void delete(URI fileUri, Credentials credentials) throws RegistryResponseException, IOException {
        send(new HttpDelete(fileUri), credentials);
    }

    private void send(HttpUriRequestBase request, Credentials credentials)
            throws RegistryResponseException, IOException {
        URI uri;
        try {
            uri = request.getUri();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        HttpClientContext context = authorize(request, uri, credentials);
        HttpFailure failure = http.execute(request, context, response -> {
            HttpFailure f = failureOf(request.getMethod(), uri, response);
            EntityUtils.consume(response.getEntity());
            return f;
        });
        if (failure != null) {
            throw new RegistryResponseException(failure);
        }
    }

    /**
     * Sets the registry's credentials (none when {@code credentials} is {@code null}), and returns a context that sends the proxy's preemptively: HttpClient
     * puts them on a plain-http request to the proxy, or on the CONNECT of an https tunnel, never inside it.
     */
    private HttpClientContext authorize(HttpRequest request, URI uri, Credentials credentials) {
        if (credentials != null) {
            request.setHeader(HttpHeaders.AUTHORIZATION, credentials.authorization());
        }
        HttpClientContext context = HttpClientContext.create();
        if (proxyCredentials != null && settings.proxyFor(uri).isPresent()) {
            BasicScheme basic = new BasicScheme();
            basic.initPreemptive(proxyCredentials);
            context.getAuthExchange(proxyHost).select(basic);
        }
        return context;
    }

    // Socket timeouts only cover reads: a server that stops reading the body would block the write forever.
    private ScheduledFuture<?> watchStalls(
            HttpUriRequestBase put, LongSupplier body, long length, AtomicBoolean stalled, Progress progress) {
        long period = Math.max(50, Math.min(1000, idleTimeout.toMillis() / 4));
        StallWatch watch = new StallWatch(put, body, length, idleTimeout.toNanos(), stalled, progress);
        return watchdog.scheduleAtFixedRate(watch, period, period, TimeUnit.MILLISECONDS);
    }

    /** One upload's watchdog tick: reports progress, and cancels the request once the body has not moved for too long. */
    private static final class StallWatch implements Runnable {

        private final HttpUriRequestBase put;
        private final LongSupplier body;
        private final long length;
        private final long limitNanos;
        private final AtomicBoolean stalled;
        private final Progress progress;
        private long lastSent;
        private long lastMovedAt;

        StallWatch(
                HttpUriRequestBase put,
                LongSupplier body,
                long length,
                long limitNanos,
                AtomicBoolean stalled,
                Progress progress) {
            this.put = put;
            this.body = body;
            this.length = length;
            this.limitNanos = limitNanos;
            this.stalled = stalled;
            this.progress = progress;
            this.lastSent = body.getAsLong();
            this.lastMovedAt = System.nanoTime();
        }

        @Override
        public void run() {
            long now = System.nanoTime();
            long sent = body.getAsLong();
            progress.progress(sent, length);
            if (sent != lastSent || sent >= length) {
                lastSent = sent;
                lastMovedAt = now;
            } else if (now - lastMovedAt > limitNanos && stalled.compareAndSet(false, true)) {
                put.cancel();
            }
        }
    }

    private static HttpFailure failureOf(String method, URI uri, ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        if (status >= 200 && status < 300) {
            return null;
        }
        Header location = response.getFirstHeader(HttpHeaders.LOCATION);
        Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        return new HttpFailure(
                method,
                uri,
                status,
                response.getReasonPhrase(),
                response.containsHeader(HttpHeaders.WWW_AUTHENTICATE),
                location == null ? null : location.getValue(),
                ResponseExcerpt.of(readStart(response.getEntity())),
                retryAfter == null ? null : retryAfter.getValue());
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
        watchdog.shutdownNow();
        hashing.shutdownNow();
        http.close();
    }
}
