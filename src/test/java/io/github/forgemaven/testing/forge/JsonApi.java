package io.github.forgemaven.testing.forge;

import io.github.forgemaven.testing.server.RequestTarget;
import io.github.forgemaven.testing.server.Response;
import io.github.forgemaven.testing.server.ServerRequest;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Supplier;

/** The parts of {@code /api/v1} a client needs (spec §7): version, package, file list, version delete. */
public final class JsonApi {

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
        if (target.is("api", "v1", "version")) {
            return method.equals("GET") ? Response.json(200, versionJson()) : Response.empty(405);
        }
        if (target.size() == 9
                && target.raw(2).equals("packages")
                && target.raw(6).equals("-")
                && target.raw(7).equals("link")) {
            return linkApi ? link(request, target, caller) : error(404, "Not Found");
        }
        boolean versionPath = target.size() == 7 && target.raw(2).equals("packages");
        boolean filesPath = target.size() == 8
                && target.raw(2).equals("packages")
                && target.raw(7).equals("files");
        if (!versionPath && !filesPath) {
            return PackagesApi.notFound();
        }
        if (!(method.equals("GET") || (versionPath && method.equals("DELETE")))) {
            return Response.empty(405);
        }
        Access required = method.equals("DELETE") ? Access.WRITE : Access.READ;
        if (!caller.signedIn() && (required == Access.WRITE || !flavour.anonymousApiReads())) {
            return Response.json(401, "{\"message\":\"token is required\"}");
        }
        if (caller.scope() != null && !caller.scope().allows(required)) {
            return error(
                    403,
                    "token does not have at least one of required scope(s), required=[" + TokenScope.nameFor(required)
                            + "]");
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

    /** {@code POST /api/v1/packages/{owner}/{type}/{name}/-/link/{repo}} (Gitea 1.24+, Forgejo v11+). */
    private Response link(ServerRequest request, RequestTarget target, Caller caller) {
        if (!request.method().equals("POST")) {
            return Response.empty(405);
        }
        if (!caller.signedIn()) {
            return Response.json(401, "{\"message\":\"token is required\"}");
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
        String repository = target.param(8);
        if (!directory.hasRepository(owner.get().name(), repository)) {
            return error(404, "repository does not exist");
        }
        store.link(owner.get().name(), name, repository);
        return Response.empty(201);
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
                + ",\"repository\":null"
                + ",\"creator\":" + userJson(version.creator())
                + ",\"type\":\"generic\""
                + ",\"name\":" + Json.quote(version.name())
                + ",\"version\":" + Json.quote(version.version())
                + ",\"html_url\":" + Json.quote(htmlUrl)
                + ",\"created_at\":"
                + Json.quote(version.created().truncatedTo(ChronoUnit.SECONDS).toString())
                + "}";
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
