package io.github.forgemaven.testing.forge;

import io.github.forgemaven.testing.server.RequestTarget;
import io.github.forgemaven.testing.server.Response;
import io.github.forgemaven.testing.server.ServerRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code /api/packages/{owner}/generic/...}: routing, access checks and handlers in the servers' order (spec §2). */
public final class PackagesApi {

    private enum Route {
        UPLOAD(Access.WRITE),
        DOWNLOAD(Access.READ),
        HEAD(Access.READ),
        DELETE_FILE(Access.WRITE),
        DELETE_VERSION(Access.WRITE),
        METHOD_NOT_ALLOWED(null),
        NOT_FOUND(null);

        private final Access required;

        Route(Access required) {
            this.required = required;
        }
    }

    /** Gitea's httpcache in production for ServeContent's default 5 minutes (spec §5). */
    private static final String CACHE_CONTROL = "private, max-age=300";

    static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private final Flavour flavour;
    private final Directory directory;
    private final AccessPolicy policy;
    private final PackageStore store;
    private final BlobStore blobs;
    private final PackageLimits limits;

    public PackagesApi(
            Flavour flavour,
            Directory directory,
            AccessPolicy policy,
            PackageStore store,
            BlobStore blobs,
            PackageLimits limits) {
        this.flavour = flavour;
        this.directory = directory;
        this.policy = policy;
        this.store = store;
        this.blobs = blobs;
        this.limits = limits;
    }

    /** Answers a request whose caller is already authenticated; target starts with {@code api/packages}. */
    public Response handle(ServerRequest request, RequestTarget target, Caller caller) throws IOException {
        Route route = route(request.method(), target);
        if (route == Route.NOT_FOUND) {
            return Chi.notFound();
        }
        if (route == Route.METHOD_NOT_ALLOWED) {
            return target.size() == 6
                    ? Chi.methodNotAllowed("DELETE")
                    : flavour.headSupported()
                            ? Chi.methodNotAllowed("GET", "HEAD", "PUT", "DELETE")
                            : Chi.methodNotAllowed("GET", "PUT", "DELETE");
        }
        Optional<Account> found = directory.find(target.param(2));
        if (found.isEmpty()) {
            return ownerNotFound(request);
        }
        Account owner = found.get();
        Access mode = policy.accessMode(caller, owner);
        Optional<Response> denied = policy.check(caller, owner, mode, Access.READ);
        if (denied.isEmpty() && route.required == Access.WRITE) {
            denied = policy.check(caller, owner, mode, Access.WRITE);
        }
        if (denied.isPresent()) {
            return denied.get();
        }
        String name = target.param(4);
        String version = target.param(5);
        if (route == Route.UPLOAD && overQuota(caller, owner)) {
            // §2 step 6: Forgejo's [quota] pre-check, before validation and before the body is read
            return Response.text(413, "enforcePackagesQuota\n");
        }
        switch (route) {
            case UPLOAD:
                return upload(request, caller, owner, name, version, target.param(6));
            case DOWNLOAD:
                return download(request, owner, name, version, target.param(6), true);
            case HEAD:
                return download(request, owner, name, version, target.param(6), false);
            case DELETE_FILE:
                return deleteFile(owner, name, version, target.param(6));
            default:
                return store.deleteVersion(owner.name(), name, version)
                        ? Response.empty(204)
                        : Response.text(404, "package does not exist");
        }
    }

    /**
     * Gitea's NotFound for an unknown owner: {@code Not found.} as text, or its HTML 404 page when the client
     * accepts {@code text/html} (spec §2 step 2).
     */
    static Response ownerNotFound(ServerRequest request) {
        String accept = request.header("Accept");
        if (accept != null && accept.contains("text/html")) {
            return Response.bytes(
                    404,
                    Map.of("Content-Type", "text/html; charset=utf-8"),
                    ("<!DOCTYPE html>\n<html><head><title>Page Not Found</title></head>"
                                    + "<body><p>The page you are trying to reach either does not exist or you are"
                                    + " not authorized to view it.</p></body></html>\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return Response.text(404, "Not found.\n");
    }

    private Route route(String method, RequestTarget target) {
        boolean generic = target.size() >= 4 && target.raw(3).equals("generic");
        if (generic && target.size() == 7) {
            switch (method) {
                case "PUT":
                    return Route.UPLOAD;
                case "GET":
                    return Route.DOWNLOAD;
                case "HEAD":
                    return flavour.headSupported() ? Route.HEAD : Route.METHOD_NOT_ALLOWED;
                case "DELETE":
                    return Route.DELETE_FILE;
                default:
                    return Route.METHOD_NOT_ALLOWED;
            }
        }
        if (generic && target.size() == 6) {
            return method.equals("DELETE") ? Route.DELETE_VERSION : Route.METHOD_NOT_ALLOWED;
        }
        return Route.NOT_FOUND;
    }

    private Response upload(
            ServerRequest request, Caller caller, Account owner, String name, String version, String fileName)
            throws IOException {
        if (!Validation.packageName(name)) {
            return Response.text(400, "invalid package name");
        }
        if (!Validation.fileName(fileName)) {
            return Response.text(400, "invalid filename");
        }
        if (!Validation.version(version)) {
            return Response.text(400, "invalid package version");
        }
        String contentType = Optional.ofNullable(request.header("Content-Type")).orElse("");
        String lowerType = contentType.toLowerCase(Locale.ROOT);
        InputStream content = request.body();
        // §4: the url-encoded body was already consumed by the OAuth2 method's ParseForm
        if (lowerType.startsWith("application/x-www-form-urlencoded")) {
            return internalError(caller, "request Content-Type isn't multipart/form-data");
        }
        if (lowerType.startsWith("multipart/form-data")) {
            if (Multipart.boundary(contentType) == null) {
                return internalError(caller, "no multipart boundary param in Content-Type");
            }
            Optional<byte[]> part = Multipart.firstFile(contentType, request.body());
            if (part.isEmpty()) {
                return internalError(caller, "http: no such file");
            }
            content = new ByteArrayInputStream(part.get());
        }
        BlobStore.Writer writer = blobs.newBlob();
        Digests digests = Digests.copy(content, writer);
        Blob blob = writer.finish();
        Optional<String> exceeded = caller.admin() ? Optional.empty() : quotaExceeded(owner, name, version, digests);
        if (exceeded.isPresent()) {
            return Response.text(403, exceeded.get());
        }
        if (!store.add(owner, name, version, caller.user(), fileName, digests, blob)) {
            return Response.text(409, "package file already exists");
        }
        return Response.empty(201);
    }

    /**
     * Forgejo v9 to v14, which the emulator is, evaluate the uploader's quota (v15 and later the package
     * owner's, spec §2 step 6); Gitea has no quota engine.
     */
    private boolean overQuota(Caller caller, Account owner) {
        if (!flavour.forgejoApi() || caller.user() == null) {
            return false;
        }
        return limits.overQuota().stream().anyMatch(caller.user().name()::equalsIgnoreCase);
    }

    /**
     * The [packages] limits in the order the upload service checks them: the version count when this upload
     * creates a version, then the file's size and the owner's total (spec §4); site admins are not checked.
     */
    private Optional<String> quotaExceeded(Account owner, String name, String version, Digests digests) {
        boolean newVersion = store.version(owner.name(), name, version).isEmpty();
        if (newVersion && limits.countExceeded(store.allVersions(owner.name()).size() + 1)) {
            return Optional.of("maximum allowed package count exceeded");
        }
        if (limits.typeSizeExceeded(digests.size())) {
            return Optional.of("maximum allowed package type size exceeded");
        }
        long ownerTotal = store.allVersions(owner.name()).stream()
                .flatMap(v -> v.files().stream())
                .mapToLong(StoredFile::size)
                .sum();
        if (limits.ownerSizeExceeded(ownerTotal, digests.size())) {
            return Optional.of("maximum allowed package storage quota exceeded");
        }
        return Optional.empty();
    }

    private Response download(
            ServerRequest request, Account owner, String name, String version, String fileName, boolean get) {
        Optional<PackageStore.PackageVersion> found = store.version(owner.name(), name, version);
        if (found.isEmpty()) {
            return Response.text(404, "package does not exist");
        }
        Optional<StoredFile> file = found.get().file(fileName);
        if (file.isEmpty()) {
            return Response.text(404, "package file does not exist");
        }
        if (get) {
            // counted when the file is opened, before ServeContent decides on 304 or 206
            store.countDownload(owner.name(), name, version);
        }
        StoredFile stored = file.get();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/octet-stream");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Content-Disposition", contentDisposition(stored.name()));
        headers.put("Access-Control-Expose-Headers", "Content-Disposition");
        headers.put("Cache-Control", CACHE_CONTROL);
        headers.put("Last-Modified", HTTP_DATE.format(stored.created().atOffset(ZoneOffset.UTC)));
        return ServeContent.serve(request, headers, stored);
    }

    private Response deleteFile(Account owner, String name, String version, String fileName) {
        switch (store.deleteFile(owner.name(), name, version, fileName)) {
            case NO_VERSION:
                return Response.text(404, "package does not exist");
            case NO_FILE:
                return Response.text(404, "package file does not exist");
            default:
                return Response.empty(204);
        }
    }

    /** A 500 as helper.LogAndProcessError sends it: the real text to a site admin only (spec §2). */
    private Response internalError(Caller caller, String error) {
        return Response.text(500, caller.admin() ? error : flavour.internalErrorBody());
    }

    /** Go's mime.FormatMediaType: the filename unquoted when it is an RFC 2045 token, else quoted. */
    static String contentDisposition(String fileName) {
        boolean token = !fileName.isEmpty();
        for (char c : fileName.toCharArray()) {
            if (c <= ' ' || c >= 0x7f || "()<>@,;:\\\"/[]?=".indexOf(c) >= 0) {
                token = false;
            }
        }
        if (token) {
            return "attachment; filename=" + fileName;
        }
        return "attachment; filename=\"" + fileName.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
