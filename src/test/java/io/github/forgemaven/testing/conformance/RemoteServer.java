package io.github.forgemaven.testing.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.forgemaven.registry.http.ServerVersion;
import io.github.forgemaven.testing.ItAssertions;
import io.github.forgemaven.testing.RegistryEmulator;
import io.github.forgemaven.testing.ServerUnderTest;
import io.github.forgemaven.testing.forge.Blob;
import io.github.forgemaven.testing.forge.StoredFile;
import io.github.forgemaven.testing.forge.release.Release;
import io.github.forgemaven.testing.forge.release.ReleaseAsset;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A real Forgejo or Gitea as an IT sees it in conformance mode: everything is read and written through the
 * server's public API (the package files listing with its sha256 fields, downloads, the releases API), as the
 * run's user. {@link #close} deletes what the case created: every package version whose name starts with the
 * case's prefix, and the releases and tags of the names it handed out.
 */
public final class RemoteServer implements ServerUnderTest, AutoCloseable {

    /**
     * The password of {@code forge-password-only} in conformance-settings.xml. The run has no account password,
     * and needs none: what the case tests is the hint for a password-shaped secret without a user name, which
     * goes as a token (HTTP Basic, as user name with an empty password) and is refused as the account password
     * would be: no token is that string, and no user signs in without a password.
     */
    public static final String PASSWORD_WITHOUT_USERNAME = "conformance-Pa55word";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_REDIRECTS = 5;

    private final ConformanceConfig config;
    private final String casePrefix;
    private final String authorization;
    private final HttpClient http;
    private final Set<String> handedOut = new LinkedHashSet<>();

    /** The server of {@code config}, for the case whose names start with {@code casePrefix}. */
    public RemoteServer(ConformanceConfig config, String casePrefix) {
        this.config = config;
        this.casePrefix = casePrefix;
        this.authorization = "Basic "
                + Base64.getEncoder()
                        .encodeToString((config.username() + ":" + config.token()).getBytes(StandardCharsets.UTF_8));
        // redirects are followed by hand (send), never with the credentials
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String baseUrl() {
        return config.url();
    }

    @Override
    public String owner() {
        return config.owner();
    }

    @Override
    public synchronized String name(String base) {
        String name = casePrefix + "-" + base;
        handedOut.add(name);
        return name;
    }

    @Override
    public String repository() {
        return config.repository()
                .orElseThrow(() ->
                        new IllegalStateException("this case needs " + ConformanceConfig.Setting.REPOSITORY.label()));
    }

    /** An owner the run's user may not publish to, for the refusal cases. */
    public String foreignOwner() {
        return config.foreignOwner()
                .orElseThrow(() -> new IllegalStateException(
                        "this case needs " + ConformanceConfig.Setting.FOREIGN_OWNER.label()));
    }

    @Override
    public String username() {
        return config.username();
    }

    @Override
    public String secret(String serverId) {
        return switch (serverId) {
            case "forge", "forge-release", "forge-token-only", "forge-http-headers" -> config.token();
            case "forge-read-only" -> config.readToken().orElse("");
            case "forge-package-only" -> config.packageToken().orElse("");
            // the token, encrypted by the case's setup in a settings file of its own (It.encryptedServer)
            case "forge-encrypted" -> config.token();
            case "forge-wrong-token", "forge-http-headers-wrong-token" -> WRONG_TOKEN;
            case "forge-password-only" -> PASSWORD_WITHOUT_USERNAME;
            default -> throw new IllegalArgumentException("no <server> " + serverId + " in the conformance settings");
        };
    }

    @Override
    public Optional<RegistryEmulator> emulator() {
        return Optional.empty();
    }

    /** The sha of the head of the repository's default branch, which release cases tag. */
    public String headCommit() {
        JsonNode repo = json("GET", "/api/v1/repos/" + path(owner()) + "/" + path(repository()), 200);
        String branch = repo.path("default_branch").asText("main");
        JsonNode commit = json(
                "GET",
                "/api/v1/repos/" + path(owner()) + "/" + path(repository()) + "/git/commits/" + path(branch),
                200);
        return commit.path("sha").asText();
    }

    @Override
    public StoredFile store(String owner, String name, String version, String fileName, byte[] content) {
        HttpResponse<byte[]> response = send("PUT", packagePath(owner, name, version) + "/" + path(fileName), content);
        expect(response, 201, "store " + fileName);
        return file(owner, name, version, fileName)
                .orElseThrow(() -> new AssertionError(fileName + " was stored (201) but is not listed"));
    }

    @Override
    public Optional<StoredFile> file(String owner, String name, String version, String fileName) {
        return files(owner, name, version).stream()
                .filter(f -> f.name().equalsIgnoreCase(fileName))
                .findFirst();
    }

    @Override
    public List<StoredFile> files(String owner, String name, String version) {
        HttpResponse<byte[]> response = send(
                "GET",
                "/api/v1/packages/" + path(owner) + "/generic/" + path(name) + "/" + path(version) + "/files",
                null);
        if (response.statusCode() == 404) {
            return List.of();
        }
        JsonNode listing = parse(expect(response, 200, "list the files of " + name + "/" + version));
        List<StoredFile> files = new ArrayList<>();
        for (JsonNode file : listing) {
            String fileName = file.path("name").asText();
            String download = packagePath(owner, name, version) + "/" + path(fileName);
            files.add(new StoredFile(
                    file.path("id").asLong(),
                    fileName,
                    file.path("size").asLong(),
                    file.path("md5").asText(),
                    file.path("sha1").asText(),
                    file.path("sha256").asText(),
                    file.path("sha512").asText(),
                    null,
                    new Download(download, file.path("size").asLong())));
        }
        return files;
    }

    @Override
    public boolean versionExists(String owner, String name, String version) {
        int status = send(
                        "GET", "/api/v1/packages/" + path(owner) + "/generic/" + path(name) + "/" + path(version), null)
                .statusCode();
        return status == 200;
    }

    @Override
    public Optional<Release> release(String owner, String repository, String tag) {
        return releaseRows(owner, repository).stream()
                .filter(r -> r.tag().equalsIgnoreCase(tag))
                .findFirst();
    }

    @Override
    public List<Release> releaseRows(String owner, String repository) {
        List<Release> releases = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode list = json(
                    "GET",
                    "/api/v1/repos/" + path(owner) + "/" + path(repository) + "/releases?limit=50&page=" + page,
                    200);
            for (JsonNode release : list) {
                releases.add(release(owner, repository, release));
            }
            if (list.size() < 50) {
                return releases;
            }
        }
    }

    private Release release(String owner, String repository, JsonNode release) {
        List<ReleaseAsset> assets = new ArrayList<>();
        for (JsonNode asset : release.path("assets")) {
            String url = asset.path("browser_download_url").asText();
            if (asset.path("type").asText().equals("external")) {
                // Forgejo v9+'s link to a file elsewhere: size 0, nothing of its own to download
                assets.add(new ReleaseAsset(
                        asset.path("id").asLong(),
                        asset.path("uuid").asText(),
                        asset.path("name").asText(),
                        asset.path("size").asLong(),
                        null,
                        url,
                        asset.path("download_count").asLong(),
                        null,
                        null));
                continue;
            }
            byte[] bytes = download(url);
            assets.add(new ReleaseAsset(
                    asset.path("id").asLong(),
                    asset.path("uuid").asText(),
                    asset.path("name").asText(),
                    asset.path("size").asLong(),
                    ItAssertions.sha256(bytes),
                    null,
                    asset.path("download_count").asLong(),
                    null,
                    new Bytes(bytes)));
        }
        assets.sort((a, b) -> a.name().compareTo(b.name()));
        String target = release.path("target_commitish").asText();
        return new Release(
                release.path("id").asLong(),
                owner,
                repository,
                release.path("tag_name").asText(),
                target,
                release.path("name").asText(),
                release.path("body").asText(),
                target,
                release.path("draft").asBoolean(),
                release.path("prerelease").asBoolean(),
                false,
                null,
                assets);
    }

    @Override
    public Optional<String> linkedRepository(String owner, String name) {
        for (JsonNode version : versionsStartingWith(owner, name)) {
            if (version.path("name").asText().equalsIgnoreCase(name)) {
                JsonNode repository = version.path("repository");
                return repository.isMissingNode() || repository.isNull()
                        ? Optional.empty()
                        : Optional.of(repository.path("name").asText());
            }
        }
        return Optional.empty();
    }

    /**
     * Creates the release through the API (published, at the default branch, which tags its head) and uploads
     * the asset as the multipart {@code attachment} every version accepts. Only releases of {@link #repository()}
     * are deleted by {@link #close}.
     */
    @Override
    public Release storeRelease(String owner, String repository, String tag, String assetName, byte[] content) {
        String repo = "/api/v1/repos/" + path(owner) + "/" + path(repository);
        String branch = json("GET", repo, 200).path("default_branch").asText("main");
        ObjectNode create = JSON.createObjectNode()
                .put("tag_name", tag)
                .put("target_commitish", branch)
                .put("name", tag)
                .put("body", "")
                .put("draft", false)
                .put("prerelease", false);
        HttpResponse<byte[]> created =
                send("POST", URI.create(config.url() + repo + "/releases"), bytes(create), "application/json");
        long id =
                parse(expect(created, 201, "create release " + tag)).path("id").asLong();
        synchronized (this) {
            handedOut.add(tag);
        }
        String boundary = "conformance" + Long.toHexString(System.nanoTime());
        byte[] form = multipart(boundary, "attachment", assetName, content);
        HttpResponse<byte[]> uploaded = send(
                "POST",
                URI.create(config.url() + repo + "/releases/" + id + "/assets?name=" + query(assetName)),
                form,
                "multipart/form-data; boundary=" + boundary);
        expect(uploaded, 201, "upload " + assetName + " to release " + tag);
        return release(owner, repository, tag)
                .orElseThrow(() -> new AssertionError("release " + tag + " was created (201) but is not listed"));
    }

    @Override
    public boolean tagExists(String owner, String repository, String tag) {
        HttpResponse<byte[]> response =
                send("GET", "/api/v1/repos/" + path(owner) + "/" + path(repository) + "/tags/" + path(tag), null);
        if (response.statusCode() == 404) {
            return false;
        }
        expect(response, 200, "read tag " + tag);
        return true;
    }

    @Override
    public boolean hasRepository() {
        return config.repository().isPresent();
    }

    @Override
    public Optional<String> forgejoVersion() {
        HttpResponse<byte[]> response = send("GET", "/api/forgejo/v1/version", null);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(parse(expect(response, 200, "read the Forgejo version"))
                .path("version")
                .asText());
    }

    /**
     * Forgejo v9 and later take links as release assets. The server is told apart and its version read as the
     * plugin reads them ({@link ServerVersion}: {@code +gitea-} in {@code /api/v1/version} is Forgejo too, an
     * unreadable version counts as new), so that a case takes the branch the plugin takes.
     */
    @Override
    public boolean linksAssets() {
        String apiVersion = json("GET", "/api/v1/version", 200).path("version").asText(null);
        return ServerVersion.of(forgejoVersion().orElse(null), apiVersion)
                .map(server -> server.isForgejo() && server.atLeast(9, 0))
                .orElse(false);
    }

    /**
     * Deletes what the case created: each package version whose name starts with the case's prefix, then
     * the release and the tag of each name handed out (the release cases' tags). Returns what it deleted.
     */
    public List<String> cleanUp() {
        List<String> deleted = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        // the foreign owner too: a refusal case that the server let through must not leave its upload there
        List<String> owners = new ArrayList<>(List.of(owner()));
        config.foreignOwner().ifPresent(owners::add);
        for (String packageOwner : owners) {
            for (JsonNode version : versionsStartingWith(packageOwner, casePrefix)) {
                String name = version.path("name").asText();
                String number = version.path("version").asText();
                int status = send(
                                "DELETE",
                                "/api/v1/packages/" + path(packageOwner) + "/generic/" + path(name) + "/"
                                        + path(number),
                                null)
                        .statusCode();
                String where = packageOwner.equals(owner()) ? "" : packageOwner + "/";
                (status == 204 || status == 404 ? deleted : failures).add("package " + where + name + "/" + number);
            }
        }
        if (config.repository().isPresent()) {
            String repo = "/api/v1/repos/" + path(owner()) + "/" + path(repository());
            List<String> tags = new ArrayList<>(handedOut);
            for (Release release : releaseRows(owner(), repository())) {
                if (release.tag().startsWith(casePrefix)) {
                    int status = send("DELETE", repo + "/releases/" + release.id(), null)
                            .statusCode();
                    (status == 204 || status == 404 ? deleted : failures).add("release " + release.tag());
                    if (!tags.contains(release.tag())) {
                        tags.add(release.tag());
                    }
                }
            }
            for (String tag : tags) {
                int status = send("DELETE", repo + "/tags/" + path(tag), null).statusCode();
                if (status == 204) {
                    deleted.add("tag " + tag);
                } else if (status != 404) {
                    failures.add("tag " + tag + " (HTTP " + status + ")");
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("conformance cleanup could not delete " + failures + " on " + baseUrl()
                    + " (deleted " + deleted + "): delete them by hand");
        }
        return deleted;
    }

    @Override
    public void close() {
        List<String> deleted = cleanUp();
        Conformance.console("conformance: " + casePrefix + ": cleaned up "
                + (deleted.isEmpty() ? "(nothing was left)" : String.join(", ", deleted)));
    }

    private List<JsonNode> versionsStartingWith(String owner, String prefix) {
        List<JsonNode> versions = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode list = json(
                    "GET",
                    "/api/v1/packages/" + path(owner) + "?type=generic&q=" + query(prefix) + "&limit=50&page=" + page,
                    200);
            for (JsonNode version : list) {
                if (version.path("name")
                        .asText()
                        .toLowerCase(Locale.ROOT)
                        .startsWith(prefix.toLowerCase(Locale.ROOT))) {
                    versions.add(version);
                }
            }
            if (list.size() < 50) {
                return versions;
            }
        }
    }

    private String packagePath(String owner, String name, String version) {
        return "/api/packages/" + path(owner) + "/generic/" + path(name) + "/" + path(version);
    }

    private JsonNode json(String method, String path, int status) {
        return parse(expect(send(method, path, null), status, method + " " + path));
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] expect(HttpResponse<byte[]> response, int status, String what) {
        if (response.statusCode() != status) {
            String how = "";
            if (response.request().headers().firstValue("Authorization").isEmpty()) {
                how = sameOrigin(response.uri(), URI.create(config.url()))
                        ? " (a redirect, followed without credentials)"
                        : " (asked without credentials: " + response.uri().getScheme() + "://"
                                + response.uri().getRawAuthority() + " is not the server of "
                                + ConformanceConfig.Setting.URL.label() + ", " + config.url()
                                + "; if it is that server under another name, set conformance.url to that name)";
            }
            throw new AssertionError(
                    "conformance: could not " + what + ": " + response.request().method() + " "
                            + response.uri() + " answered " + response.statusCode() + how + " "
                            + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    /** A release asset's {@code browser_download_url}, which may name another origin than conformance.url. */
    private byte[] download(String url) {
        HttpResponse<byte[]> response = send("GET", URI.create(url), null);
        return expect(response, 200, "download " + url);
    }

    private HttpResponse<byte[]> send(String method, String path, byte[] body) {
        return send(method, URI.create(config.url() + path), body);
    }

    private HttpResponse<byte[]> send(String method, URI uri, byte[] body) {
        return send(method, uri, body, "application/octet-stream");
    }

    /**
     * Sends the request with the run's credentials only if {@code uri} is on the configured server's origin
     * (scheme, host and port of conformance.url): a release asset's {@code browser_download_url} may name
     * another. A redirect of a GET (a download sent on to object storage, whose presigned URL needs no
     * credentials and may refuse a second kind) is followed without them; another method's is returned as is.
     */
    private HttpResponse<byte[]> send(String method, URI uri, byte[] body, String contentType) {
        boolean credentials = sameOrigin(uri, URI.create(config.url()));
        HttpResponse<byte[]> response = exchange(method, uri, body, contentType, credentials);
        for (int hops = 0; method.equals("GET") && isRedirect(response.statusCode()); hops++) {
            Optional<String> location = response.headers().firstValue("Location");
            if (location.isEmpty()) {
                return response;
            }
            if (hops == MAX_REDIRECTS) {
                throw new AssertionError("conformance: GET " + uri + " redirected more than " + MAX_REDIRECTS
                        + " times, the last time to " + location.get());
            }
            response = exchange("GET", response.uri().resolve(location.get()), null, contentType, false);
        }
        return response;
    }

    private HttpResponse<byte[]> exchange(
            String method, URI uri, byte[] body, String contentType, boolean credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("User-Agent", "forge-maven-plugin-conformance")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (credentials) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("conformance: " + method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** Same scheme, host and port (the scheme's default port if none is given). */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] multipart(String boundary, String field, String fileName, byte[] content) {
        String quoted = fileName.replace("\\", "\\\\").replace("\"", "\\\"");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                        + quoted + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] form = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, form, 0, head.length);
        System.arraycopy(content, 0, form, head.length, content.length);
        System.arraycopy(tail, 0, form, head.length + content.length, tail.length);
        return form;
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A package file's content, downloaded when a check reads it. */
    private final class Download implements Blob {
        private final String path;
        private final long size;

        Download(String path, long size) {
            this.path = path;
            this.size = size;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(expect(send("GET", path, null), 200, "download " + path));
        }
    }

    private record Bytes(byte[] bytes) implements Blob {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }
    }
}
