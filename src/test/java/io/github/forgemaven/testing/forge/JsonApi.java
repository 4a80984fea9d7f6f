package io.github.forgemaven.testing.forge;

import io.github.forgemaven.testing.server.RequestTarget;
import io.github.forgemaven.testing.server.Response;
import io.github.forgemaven.testing.server.ServerRequest;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * The parts of {@code /api/v1} a client needs (spec §7): version, the owner's package list, a package's
 * versions and latest (Gitea 1.24+), package, file list, version delete, link and unlink.
 */
public final class JsonApi {

    /** [api] DEFAULT_PAGING_NUM and MAX_RESPONSE_ITEMS. */
    private static final int DEFAULT_PAGING = 30;

    private static final int MAX_RESPONSE_ITEMS = 50;

    private final Flavour flavour;
    private final Directory directory;
    private final AccessPolicy policy;
    private final PackageStore store;
    private final Supplier<String> baseUrl;
    private final String appVersion;
    private final boolean linkApi;

    public JsonApi(
            Flavour flavour,
            String appVersion,
            boolean linkApi,
            Directory directory,
            AccessPolicy policy,
            PackageStore store,
            Supplier<String> baseUrl) {
        this.flavour = flavour;
        this.appVersion = appVersion;
        this.linkApi = linkApi;
        this.directory = directory;
        this.policy = policy;
        this.store = store;
        this.baseUrl = baseUrl;
    }

    public String versionJson() {
        return "{\"version\":" + Json.quote(appVersion) + "}";
    }

    /** Answers a request whose caller is already authenticated; target starts with {@code api/v1}. */
    public Response handle(ServerRequest request, RequestTarget target, Caller caller) {
        String method = request.method();
        if (policy.requireSignInView() && !caller.signedIn()) {
            return signInRequired();
        }
        if (target.is("api", "v1", "version")) {
            return method.equals("GET") ? Response.json(200, versionJson()) : Chi.methodNotAllowed("GET");
        }
        if (target.size() < 4 || !target.raw(2).equals("packages")) {
            return Chi.notFound();
        }
        int size = target.size();
        boolean dash = size >= 8 && target.raw(6).equals("-");
        if (size == 9 && dash && target.raw(7).equals("link")) {
            return linkApi ? link(request, target, caller, true) : Chi.notFound();
        }
        if (size == 8 && dash && target.raw(7).equals("unlink")) {
            return linkApi ? link(request, target, caller, false) : Chi.notFound();
        }
        if (size == 8 && dash && target.raw(7).equals("latest")) {
            return flavour.versionsApi() ? read(request, target, caller, this::latest) : Chi.notFound();
        }
        if (size == 4) {
            return read(request, target, caller, this::listPackages);
        }
        if (size == 6) {
            return flavour.versionsApi() ? read(request, target, caller, this::listVersions) : Chi.notFound();
        }
        boolean versionPath = size == 7;
        boolean filesPath = size == 8 && target.raw(7).equals("files");
        if (!versionPath && !filesPath) {
            return Chi.notFound();
        }
        if (!(method.equals("GET") || (versionPath && method.equals("DELETE")))) {
            return versionPath ? Chi.methodNotAllowed("GET", "DELETE") : Chi.methodNotAllowed("GET");
        }
        Access required = method.equals("DELETE") ? Access.WRITE : Access.READ;
        Optional<Response> refused = signInAndScope(caller, required);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<Account> owner = directory.find(target.param(3));
        if (owner.isEmpty()) {
            return error(404, "user does not exist [name: " + target.param(3) + "]");
        }
        Optional<PackageStore.PackageVersion> version = target.raw(4).equals("generic")
                ? store.version(owner.get().name(), target.param(5), target.param(6))
                : Optional.empty();
        // the servers load the version before the access check, so a missing version is 404 for anyone
        if (version.isEmpty()) {
            return error(404, "package does not exist");
        }
        Access mode = policy.accessMode(caller, owner.get());
        if (!mode.atLeast(required) && !caller.admin()) {
            return error(403, "user should have specific permission or be a site admin");
        }
        PackageStore.PackageVersion found = version.get();
        if (method.equals("DELETE")) {
            store.deleteVersion(owner.get().name(), found.name(), found.version());
            return Response.empty(204);
        }
        return Response.json(200, versionPath ? packageJson(found) : filesJson(found));
    }

    /** {@code /api/forgejo/v1/...}, Forgejo's own API, which authenticates like {@code /api/v1}. */
    public Response handleForgejo(ServerRequest request, RequestTarget target, Caller caller) {
        if (policy.requireSignInView() && !caller.signedIn()) {
            return signInRequired();
        }
        if (!target.is("api", "forgejo", "v1", "version")) {
            return Chi.notFound();
        }
        return request.method().equals("GET") ? Response.json(200, versionJson()) : Chi.methodNotAllowed("GET");
    }

    @FunctionalInterface
    private interface ReadHandler {
        Response answer(ServerRequest request, RequestTarget target, Account owner);
    }

    /**
     * A GET route whose path names no version, so the owner and the caller's access are checked before the
     * handler looks anything up.
     */
    private Response read(ServerRequest request, RequestTarget target, Caller caller, ReadHandler handler) {
        if (!request.method().equals("GET")) {
            return Chi.methodNotAllowed("GET");
        }
        Optional<Response> refused = signInAndScope(caller, Access.READ);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<Account> owner = directory.find(target.param(3));
        if (owner.isEmpty()) {
            return error(404, "user does not exist [name: " + target.param(3) + "]");
        }
        if (!policy.accessMode(caller, owner.get()).atLeast(Access.READ) && !caller.admin()) {
            return error(403, "user should have specific permission or be a site admin");
        }
        return handler.answer(request, target, owner.get());
    }

    private Optional<Response> signInAndScope(Caller caller, Access required) {
        if (!caller.signedIn() && (required == Access.WRITE || !flavour.anonymousApiReads())) {
            return Optional.of(error(401, "token is required"));
        }
        if (caller.scope() != null && !caller.scope().allows(required)) {
            return Optional.of(error(
                    403,
                    "token does not have at least one of required scope(s), required=[" + TokenScope.nameFor(required)
                            + "]"));
        }
        return Optional.empty();
    }

    /** {@code GET /api/v1/packages/{owner}?type=&q=&page=&limit=}: the owner's versions, newest first. */
    private Response listPackages(ServerRequest request, RequestTarget target, Account owner) {
        String type = target.firstQueryValue("type").trim();
        String query = target.firstQueryValue("q").trim().toLowerCase(Locale.ROOT);
        List<PackageStore.PackageVersion> matching = store.allVersions(owner.name()).stream()
                .filter(v -> type.isEmpty() || type.equals("generic"))
                .filter(v -> v.name().toLowerCase(Locale.ROOT).contains(query))
                .toList();
        return page(request, target, matching);
    }

    /** {@code GET /api/v1/packages/{owner}/{type}/{name}} (Gitea 1.24+): the package's versions, newest first. */
    private Response listVersions(ServerRequest request, RequestTarget target, Account owner) {
        String name = target.param(5);
        if (!target.raw(4).equals("generic") || !store.packageExists(owner.name(), name)) {
            return error(404, "package does not exist");
        }
        List<PackageStore.PackageVersion> versions = store.allVersions(owner.name()).stream()
                .filter(v -> v.name().equalsIgnoreCase(name))
                .toList();
        return page(request, target, versions);
    }

    /** {@code GET /api/v1/packages/{owner}/{type}/{name}/-/latest} (Gitea 1.24+): the newest version. */
    private Response latest(ServerRequest request, RequestTarget target, Account owner) {
        String name = target.param(5);
        Optional<PackageStore.PackageVersion> newest = target.raw(4).equals("generic")
                ? store.allVersions(owner.name()).stream()
                        .filter(v -> v.name().equalsIgnoreCase(name))
                        .findFirst()
                : Optional.empty();
        return newest.map(v -> Response.json(200, packageJson(v)))
                .orElseGet(() -> error(404, "package does not exist"));
    }

    /**
     * One page of Package JSON as utils.GetListOptions and SetLinkHeader/SetTotalCountHeader make it: page from
     * 1, limit 30 by default and 50 at most, {@code X-Total-Count}, and {@code Link} with next, last, first and
     * prev where they apply.
     */
    private Response page(ServerRequest request, RequestTarget target, List<PackageStore.PackageVersion> all) {
        int page = Math.max(1, intOr(target.firstQueryValue("page"), 1));
        int limit = intOr(target.firstQueryValue("limit"), DEFAULT_PAGING);
        if (limit <= 0) {
            limit = DEFAULT_PAGING;
        }
        limit = Math.min(limit, MAX_RESPONSE_ITEMS);
        int from = (int) Math.min((long) (page - 1) * limit, all.size());
        int to = Math.min(from + limit, all.size());
        StringJoiner json = new StringJoiner(",", "[", "]");
        all.subList(from, to).forEach(v -> json.add(packageJson(v)));
        Response response = Response.json(200, json.toString()).withHeader("X-Total-Count", String.valueOf(all.size()));
        int pages = Math.max(1, (all.size() + limit - 1) / limit);
        List<String> links = new ArrayList<>();
        String path = request.head().rawTarget();
        if (page < pages) {
            links.add(link(path, target, page + 1, "next"));
            links.add(link(path, target, pages, "last"));
        }
        if (page > 1) {
            links.add(link(path, target, 1, "first"));
            links.add(link(path, target, Math.min(page - 1, pages), "prev"));
        }
        if (links.isEmpty()) {
            return response.withHeader("Access-Control-Expose-Headers", "X-Total-Count");
        }
        return response.withHeader("Link", String.join(",", links))
                .withHeader("Access-Control-Expose-Headers", "Link, X-Total-Count");
    }

    private String link(String rawTarget, RequestTarget target, int page, String rel) {
        int question = rawTarget.indexOf('?');
        String path = question < 0 ? rawTarget : rawTarget.substring(0, question);
        java.util.TreeMap<String, List<String>> query = new java.util.TreeMap<>(target.query());
        query.put("page", List.of(String.valueOf(page)));
        StringJoiner encoded = new StringJoiner("&");
        query.forEach((key, values) ->
                values.forEach(value -> encoded.add(Json.queryEscape(key) + "=" + Json.queryEscape(value))));
        return "<" + baseUrl.get() + path + "?" + encoded + ">; rel=\"" + rel + "\"";
    }

    private static int intOr(String value, int fallback) {
        try {
            return value.isEmpty() ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * {@code POST /api/v1/packages/{owner}/{type}/{name}/-/link/{repo}} and {@code .../-/unlink} (Gitea 1.24+,
     * Forgejo v11+).
     */
    private Response link(ServerRequest request, RequestTarget target, Caller caller, boolean link) {
        if (!request.method().equals("POST")) {
            return Chi.methodNotAllowed("POST");
        }
        if (!caller.signedIn()) {
            return error(401, "token is required");
        }
        if (caller.scope() != null && !caller.scope().allows(Access.WRITE)) {
            return error(403, "token does not have at least one of required scope(s), required=[write:package]");
        }
        Optional<Account> owner = directory.find(target.param(3));
        if (owner.isEmpty()) {
            return error(404, "user does not exist [name: " + target.param(3) + "]");
        }
        if (!policy.accessMode(caller, owner.get()).atLeast(Access.WRITE) && !caller.admin()) {
            return error(403, "user should have specific permission or be a site admin");
        }
        String name = target.param(5);
        if (!target.raw(4).equals("generic") || !store.packageExists(owner.get().name(), name)) {
            return error(404, "package does not exist");
        }
        if (!link) {
            store.unlink(owner.get().name(), name);
            return Response.empty(204);
        }
        String repository = target.param(8);
        if (!directory.hasRepository(owner.get().name(), repository)) {
            return error(404, "repository does not exist");
        }
        store.link(owner.get().name(), name, repository);
        return Response.empty(201);
    }

    /** verifyAuthWithOptions with strict REQUIRE_SIGNIN_VIEW: anonymous API calls are refused, even the version. */
    public static Response signInRequired() {
        return Response.json(403, "{\"message\":\"Only signed in user is allowed to call APIs.\"}");
    }

    public Response authenticationFailed() {
        // The servers put the auth error's text here; its exact wording is not part of the spec.
        return error(401, "invalid username, password or token");
    }

    private Response error(int status, String message) {
        return Response.json(status, Json.message(message, baseUrl.get()));
    }

    private String packageJson(PackageStore.PackageVersion version) {
        String htmlUrl = baseUrl.get() + "/" + Json.pathEscape(version.owner().name()) + "/-/packages/generic/"
                + Json.pathEscape(version.name().toLowerCase(Locale.ROOT)) + "/"
                + Json.pathEscape(version.version().toLowerCase(Locale.ROOT));
        return "{\"id\":" + version.id()
                + ",\"owner\":" + userJson(version.owner())
                + ",\"repository\":" + repositoryJson(version)
                + ",\"creator\":" + userJson(version.creator())
                + ",\"type\":\"generic\""
                + ",\"name\":" + Json.quote(version.name())
                + ",\"version\":" + Json.quote(version.version())
                + ",\"html_url\":" + Json.quote(htmlUrl)
                + ",\"created_at\":"
                + Json.quote(version.created().truncatedTo(ChronoUnit.SECONDS).toString())
                + "}";
    }

    /** The repository the package is linked to (a minimal Repository: its fields the plugin and tests read), or null. */
    private String repositoryJson(PackageStore.PackageVersion version) {
        String owner = version.owner().name();
        return store.linkedRepository(owner, version.name())
                .map(repository -> "{\"name\":" + Json.quote(repository) + ",\"full_name\":"
                        + Json.quote(owner + "/" + repository) + ",\"owner\":" + userJson(version.owner()) + "}")
                .orElse("null");
    }

    private static String userJson(Account account) {
        return "{\"id\":" + account.id() + ",\"login\":" + Json.quote(account.name()) + ",\"username\":"
                + Json.quote(account.name()) + "}";
    }

    private static String filesJson(PackageStore.PackageVersion version) {
        StringJoiner files = new StringJoiner(",", "[", "]");
        for (StoredFile file : version.files()) {
            files.add("{\"id\":" + file.id()
                    + ",\"size\":" + file.size()
                    + ",\"name\":" + Json.quote(file.name())
                    + ",\"md5\":" + Json.quote(file.md5())
                    + ",\"sha1\":" + Json.quote(file.sha1())
                    + ",\"sha256\":" + Json.quote(file.sha256())
                    + ",\"sha512\":" + Json.quote(file.sha512())
                    + "}");
        }
        return files.toString();
    }
}
