package io.github.forgemaven.testing;

import io.github.forgemaven.testing.forge.Access;
import io.github.forgemaven.testing.forge.AccessPolicy;
import io.github.forgemaven.testing.forge.Account;
import io.github.forgemaven.testing.forge.Authenticator;
import io.github.forgemaven.testing.forge.BlobStore;
import io.github.forgemaven.testing.forge.Caller;
import io.github.forgemaven.testing.forge.Chi;
import io.github.forgemaven.testing.forge.Digests;
import io.github.forgemaven.testing.forge.Directory;
import io.github.forgemaven.testing.forge.Flavour;
import io.github.forgemaven.testing.forge.JsonApi;
import io.github.forgemaven.testing.forge.PackageLimits;
import io.github.forgemaven.testing.forge.PackageStore;
import io.github.forgemaven.testing.forge.PackagesApi;
import io.github.forgemaven.testing.forge.StoredFile;
import io.github.forgemaven.testing.forge.Visibility;
import io.github.forgemaven.testing.forge.release.GitRepository;
import io.github.forgemaven.testing.forge.release.Release;
import io.github.forgemaven.testing.forge.release.ReleasesApi;
import io.github.forgemaven.testing.forge.release.RepositoryStore;
import io.github.forgemaven.testing.server.Http11Server;
import io.github.forgemaven.testing.server.RequestTarget;
import io.github.forgemaven.testing.server.Response;
import io.github.forgemaven.testing.server.ServerRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * An in-process stand-in for the generic package registry of Forgejo (v14) or Gitea (1.25), behaving as
 * {@code forgejo-generic-api.md} describes: same routes, order of checks, statuses, bodies and wire behaviour.
 * It also serves the releases API of {@code forgejo-releases-api.md} for the repositories added with
 * {@link #addRepository}, switched by {@link Builder#appVersion} where the versions differ.
 */
public final class RegistryEmulator implements AutoCloseable, ServerUnderTest {

    /** Go's maxFormSize: ParseForm reads at most this much of a url-encoded body. */
    private static final int MAX_FORM_SIZE = 10 << 20;

    /** Settings of an emulator to start. */
    public static final class Builder {
        private Flavour flavour = Flavour.FORGEJO;
        private PackageLimits limits = PackageLimits.UNLIMITED;
        private boolean requireSignInView;
        private BlobStore blobStore = BlobStore.inMemory();
        private SSLContext tls;
        private boolean requireClientCertificate;

        private Builder() {}

        private String appVersion;
        private boolean linkApi = true;
        private long releaseAssetSizeLimit = -1;
        private String releaseAllowedTypes = "";

        /**
         * The release asset limit in bytes ({@code [attachment] MAX_SIZE} on Gitea 1.25, {@code [repository.release]
         * FILE_MAX_SIZE} on 1.26+); only those versions enforce one. Negative: their default, 2 GiB.
         */
        public Builder releaseAssetSizeLimit(long bytes) {
            this.releaseAssetSizeLimit = bytes;
            return this;
        }

        /** {@code [repository.release] ALLOWED_TYPES}, e.g. {@code .zip,.jar}; empty (the default) allows all. */
        public Builder releaseAllowedTypes(String value) {
            this.releaseAllowedTypes = value;
            return this;
        }

        /** The version {@code /api/v1/version} reports, e.g. an older server's; the flavour's by default. */
        public Builder appVersion(String value) {
            this.appVersion = value;
            return this;
        }

        /** Whether the package-to-repository link API exists (Gitea 1.24+, Forgejo v11+); on by default. */
        public Builder linkApi(boolean value) {
            this.linkApi = value;
            return this;
        }

        public Builder flavour(Flavour value) {
            this.flavour = value;
            return this;
        }

        /** {@code LIMIT_SIZE_GENERIC} in bytes; negative means unlimited (the default). */
        public Builder sizeLimit(long bytes) {
            this.limits = new PackageLimits(bytes, limits.ownerSize(), limits.ownerCount(), limits.overQuota());
            return this;
        }

        /** {@code LIMIT_TOTAL_OWNER_SIZE} in bytes; negative means unlimited (the default). */
        public Builder ownerSizeLimit(long bytes) {
            this.limits = new PackageLimits(limits.typeSize(), bytes, limits.ownerCount(), limits.overQuota());
            return this;
        }

        /** {@code LIMIT_TOTAL_OWNER_COUNT}, in package versions; negative means unlimited (the default). */
        public Builder ownerCountLimit(long versions) {
            this.limits = new PackageLimits(limits.typeSize(), limits.ownerSize(), versions, limits.overQuota());
            return this;
        }

        /** Forgejo's {@code [quota] ENABLED=true}, with these users already over their quota. */
        public Builder overQuota(String... users) {
            this.limits = new PackageLimits(limits.typeSize(), limits.ownerSize(), limits.ownerCount(), Set.of(users));
            return this;
        }

        /** Strict {@code [service] REQUIRE_SIGNIN_VIEW=true}. */
        public Builder requireSignInView(boolean value) {
            this.requireSignInView = value;
            return this;
        }

        public Builder blobStore(BlobStore value) {
            this.blobStore = value;
            return this;
        }

        /** Serves HTTPS with this context's key (see {@link TestCertificates}); the base URL names localhost. */
        public Builder tls(SSLContext value) {
            this.tls = value;
            return this;
        }

        /**
         * Mutual TLS, as a self-hosted server behind a TLS front end may require: the handshake fails
         * without a client certificate that the {@link #tls} context trusts (see
         * {@link TestCertificates#mutualServerContext()}).
         */
        public Builder requireClientCertificate(boolean value) {
            this.requireClientCertificate = value;
            return this;
        }

        public RegistryEmulator start() {
            try {
                return new RegistryEmulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the registry emulator", e);
            }
        }
    }

    private final Flavour flavour;
    private final String appVersion;
    private final Directory directory = new Directory();
    private final PackageStore store = new PackageStore();
    private final Authenticator authenticator;
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final Faults faults = new Faults();
    private final PackagesApi packagesApi;
    private final JsonApi jsonApi;
    private final RepositoryStore repositories = new RepositoryStore();
    private final ReleasesApi releasesApi;
    private final Http11Server server;
    private final boolean https;

    private RegistryEmulator(Builder builder) throws IOException {
        this.flavour = builder.flavour;
        this.authenticator = new Authenticator(directory, flavour);
        AccessPolicy policy = new AccessPolicy(directory, builder.requireSignInView);
        this.packagesApi = new PackagesApi(flavour, directory, policy, store, builder.blobStore, builder.limits);
        this.appVersion = builder.appVersion != null ? builder.appVersion : flavour.version();
        this.jsonApi = new JsonApi(flavour, appVersion, builder.linkApi, directory, policy, store, this::baseUrl);
        this.releasesApi = new ReleasesApi(
                flavour,
                appVersion,
                directory,
                policy,
                repositories,
                builder.blobStore,
                new ReleasesApi.Settings(builder.releaseAssetSizeLimit, builder.releaseAllowedTypes, true),
                this::baseUrl);
        this.https = builder.tls != null;
        this.server = Http11Server.start(this::handle, builder.tls, builder.requireClientCertificate);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A Forgejo-flavoured emulator on 127.0.0.1 and an ephemeral port. */
    public static RegistryEmulator start() {
        return builder().start();
    }

    public Flavour flavour() {
        return flavour;
    }

    /** Itself: every check an IT makes can be made here. */
    @Override
    public Optional<RegistryEmulator> emulator() {
        return Optional.of(this);
    }

    public int port() {
        return server.port();
    }

    /**
     * {@code http://127.0.0.1:<port>}, or {@code https://localhost:<port>} with TLS (the name in the test
     * certificate), without a trailing slash.
     */
    public String baseUrl() {
        return (https ? "https://localhost:" : "http://127.0.0.1:") + port();
    }

    public Account addUser(String name, String password) {
        return addUser(name, password, Visibility.PUBLIC);
    }

    public Account addUser(String name, String password, Visibility visibility) {
        return directory.addUser(name, password, visibility);
    }

    public Account addOrganization(String name, Visibility visibility) {
        return directory.addOrganization(name, visibility);
    }

    /** Puts the user in a team of the organisation whose "Packages" unit has this permission. */
    public void grant(String org, String user, Access access) {
        directory.grant(org, user, access);
    }

    /** An inactive user still authenticates but has no access anywhere (spec §6.4). */
    public void deactivate(String user) {
        directory.deactivate(user);
    }

    public void makeAdmin(String user) {
        directory.makeAdmin(user);
    }

    /** A personal access token with these scopes, e.g. {@code write:package}; no scopes means no package access. */
    public String addToken(String user, String... scopes) {
        return directory.addToken(user, null, Set.of(scopes), false);
    }

    /** Like {@link #addToken} but with a given value (40 lowercase hex), for settings files that must contain it. */
    public String addFixedToken(String user, String token, String... scopes) {
        return directory.addToken(user, token, Set.of(scopes), false);
    }

    /** The token of an Actions job run for this user: it authenticates as the Actions user, which no grant names. */
    public String addActionsJobToken(String user) {
        return directory.addToken(user, null, Set.of(), true);
    }

    /**
     * Puts a file in place as if its owner had uploaded it, for tests that start from an existing
     * version. Sends no request and records none.
     *
     * @throws IllegalArgumentException when the owner does not exist or the file already does
     */
    public StoredFile store(String owner, String name, String version, String fileName, byte[] content) {
        Account account = directory.find(owner).orElseThrow(() -> new IllegalArgumentException("no account " + owner));
        BlobStore.Writer writer = BlobStore.inMemory().newBlob();
        try {
            Digests digests = Digests.copy(new ByteArrayInputStream(content), writer);
            if (!store.add(account, name, version, account, fileName, digests, writer.finish())) {
                throw new IllegalArgumentException(fileName + " already exists in " + name + "/" + version);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file(owner, name, version, fileName).orElseThrow();
    }

    /** Removes a file as if deleted through the API (the last file takes its version along); records nothing. */
    public boolean remove(String owner, String name, String version, String fileName) {
        return store.deleteFile(owner, name, version, fileName) == PackageStore.Deletion.DELETED;
    }

    /**
     * A repository of the user or organisation, for the package link API and the releases API. It starts
     * empty (no commit); add commits, tags and settings through the returned object. Adding an existing one
     * returns it unchanged.
     */
    public GitRepository addRepository(String owner, String repository) {
        directory.addRepository(owner, repository);
        Account account = directory.find(owner).orElseThrow();
        return repositories.add(account, repository);
    }

    /**
     * A repository added with {@link #addRepository}, to add commits and tags, push a tag, protect tags...
     *
     * @throws IllegalArgumentException when there is no such repository
     */
    public GitRepository repository(String owner, String repository) {
        return repositories
                .find(owner, repository)
                .orElseThrow(() -> new IllegalArgumentException("no repository " + owner + "/" + repository));
    }

    /**
     * The release of a tag (looked up without regard to case, as the servers do), with its draft flag and
     * assets (bytes, sha256); empty when there is none or only a tag-only row.
     */
    public Optional<Release> release(String owner, String repository, String tag) {
        return repositories.release(owner, repository, tag);
    }

    /** Every release row of the repository in id order, tag-only rows ({@link Release#tagOnly()}) included. */
    public List<Release> releaseRows(String owner, String repository) {
        return repositories.rows(owner, repository);
    }

    /** The repository a package is linked to, if any. */
    public Optional<String> linkedRepository(String owner, String name) {
        return store.linkedRepository(owner, name);
    }

    @Override
    public Release storeRelease(String owner, String repository, String tag, String assetName, byte[] content) {
        GitRepository git = repository(owner, repository);
        git.addRelease(tag, tag, false, false);
        git.addAsset(tag, assetName, content);
        return release(owner, repository, tag).orElseThrow();
    }

    @Override
    public boolean tagExists(String owner, String repository, String tag) {
        return repository(owner, repository).tagCommit(tag).isPresent();
    }

    @Override
    public Optional<String> forgejoVersion() {
        return flavour.forgejoApi() ? Optional.of(appVersion) : Optional.empty();
    }

    @Override
    public boolean linksAssets() {
        return releasesApi.externalAssets();
    }

    public Optional<Account> account(String name) {
        return directory.find(name);
    }

    /** Case-insensitive on every part, as the servers look files up. */
    public Optional<StoredFile> file(String owner, String name, String version, String fileName) {
        return store.version(owner, name, version).flatMap(v -> v.file(fileName));
    }

    /** The files of a version ordered by lower-cased name; empty if the version does not exist. */
    public List<StoredFile> files(String owner, String name, String version) {
        return store.version(owner, name, version)
                .map(PackageStore.PackageVersion::files)
                .orElse(List.of());
    }

    public boolean versionExists(String owner, String name, String version) {
        return store.version(owner, name, version).isPresent();
    }

    /** The versions of a package, spelled as first uploaded. */
    public List<String> versions(String owner, String name) {
        return store.versions(owner, name).stream()
                .map(PackageStore.PackageVersion::version)
                .toList();
    }

    /** How many GETs downloaded a file of this version; 0 if the version does not exist. */
    public long downloadCount(String owner, String name, String version) {
        return store.version(owner, name, version)
                .map(PackageStore.PackageVersion::downloads)
                .orElse(0L);
    }

    /** Faults to inject into the next requests: errors, resets, stalls, redirects, latency. */
    public Faults faults() {
        return faults;
    }

    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public void clearRequests() {
        synchronized (requests) {
            requests.clear();
        }
    }

    @Override
    public void close() {
        faults.close();
        server.close();
    }

    public void stop() {
        close();
    }

    private Response handle(ServerRequest request) throws IOException {
        Fault fault = faults.take(request.method(), request.head().rawTarget());
        Response response = fault == null ? dispatch(request) : fault.apply(request, new FaultExchange(request));
        record(request, response.status());
        faults.delay();
        return response;
    }

    private void record(ServerRequest request, int status) {
        RecordedRequest recorded = new RecordedRequest(
                request.method(),
                request.head().rawTarget(),
                request.head().headers(),
                request.body().received(),
                status,
                request.body().traffic());
        synchronized (requests) {
            requests.add(recorded);
        }
    }

    private final class FaultExchange implements Fault.Exchange {
        private final ServerRequest request;

        FaultExchange(ServerRequest request) {
            this.request = request;
        }

        @Override
        public Response handleNormally() throws IOException {
            return dispatch(request);
        }

        @Override
        public void recordUnanswered() {
            record(request, 0);
        }

        @Override
        public void holdUntilClosed() {
            faults.holdUntilClosed();
        }
    }

    private Response dispatch(ServerRequest request) throws IOException {
        return dispatch(request, RequestTarget.parse(request.head().rawTarget()));
    }

    private Response dispatch(ServerRequest request, RequestTarget target) throws IOException {
        boolean packages = target.startsWith("api", "packages");
        boolean v1 = target.startsWith("api", "v1");
        boolean download = ReleasesApi.handlesDownload(target);
        boolean forgejoV1 = flavour.forgejoApi() && target.startsWith("api", "forgejo", "v1");
        if (!packages && !v1 && !download && !forgejoV1) {
            return Chi.notFound();
        }
        Optional<Response> unparsable = releasesApi.parseMultipartBeforeAuth(request, target);
        if (unparsable.isPresent()) {
            return unparsable.get();
        }
        // Each tree authenticates in a middleware before routing, so bad credentials beat 404 and 405.
        Optional<Caller> caller = authenticator.authenticate(
                request, form(request, target), packages ? Authenticator.Group.PACKAGES : Authenticator.Group.API);
        if (caller.isEmpty()) {
            return packages ? Response.text(401, flavour.authFailedBody()) : jsonApi.authenticationFailed();
        }
        if (download) {
            return releasesApi.download(request, target, caller.get());
        }
        if (forgejoV1) {
            return jsonApi.handleForgejo(request, target, caller.get());
        }
        if (v1 && ReleasesApi.handles(target)) {
            return releasesApi.handle(request, target, caller.get());
        }
        return packages
                ? packagesApi.handle(request, target, caller.get())
                : jsonApi.handle(request, target, caller.get());
    }

    /**
     * Go's ParseForm, which the OAuth2 auth method calls on every API request: query values, plus the values of
     * a url-encoded PUT/POST/PATCH body, which it reads (up to 10 MiB) and so consumes (spec §4).
     */
    private static Map<String, List<String>> form(ServerRequest request, RequestTarget target) throws IOException {
        String contentType = request.header("Content-Type");
        boolean bodyMethod = Set.of("POST", "PUT", "PATCH").contains(request.method());
        boolean urlEncoded = contentType != null
                && contentType
                        .split(";")[0]
                        .trim()
                        .toLowerCase(Locale.ROOT)
                        .equals("application/x-www-form-urlencoded");
        if (!bodyMethod || !urlEncoded) {
            return target.query();
        }
        byte[] body = request.body().readNBytes(MAX_FORM_SIZE + 1);
        if (body.length > MAX_FORM_SIZE) {
            return target.query();
        }
        Map<String, List<String>> form =
                new LinkedHashMap<>(RequestTarget.parseForm(new String(body, StandardCharsets.ISO_8859_1)));
        target.query()
                .forEach((key, values) -> form.merge(key, values, (a, b) -> {
                    List<String> merged = new ArrayList<>(a);
                    merged.addAll(b);
                    return merged;
                }));
        return form;
    }
}
