package io.github.forgemaven.testing.forge.release;

import io.github.forgemaven.registry.http.JsonReader;
import io.github.forgemaven.testing.forge.Access;
import io.github.forgemaven.testing.forge.AccessPolicy;
import io.github.forgemaven.testing.forge.Account;
import io.github.forgemaven.testing.forge.Blob;
import io.github.forgemaven.testing.forge.BlobStore;
import io.github.forgemaven.testing.forge.Caller;
import io.github.forgemaven.testing.forge.Chi;
import io.github.forgemaven.testing.forge.Digests;
import io.github.forgemaven.testing.forge.Directory;
import io.github.forgemaven.testing.forge.Flavour;
import io.github.forgemaven.testing.forge.Json;
import io.github.forgemaven.testing.forge.TokenScope;
import io.github.forgemaven.testing.server.RequestTarget;
import io.github.forgemaven.testing.server.Response;
import io.github.forgemaven.testing.server.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * {@code /api/v1/repos/{owner}/{repo}} as a release client uses it (releases spec §1-§4): the repository,
 * its tags and commits, and the releases and their assets, with the middleware order of §1.2 and the
 * version differences of §5. Also the web download routes of §3.6.
 */
public final class ReleasesApi {

    /** Settings a test can change; the servers' defaults otherwise. */
    public record Settings(long assetSizeLimit, String allowedTypes, boolean attachmentsEnabled) {
        /** No configured limit: the version's default applies where the version has one (§3.5). */
        public static final Settings DEFAULTS = new Settings(-1, "", true);
    }

    private final ReleaseRules rules;
    private final Directory directory;
    private final AccessPolicy policy;
    private final RepositoryStore store;
    private final BlobStore blobs;
    private final Settings settings;
    private final Supplier<String> baseUrl;
    /** Forms parsed before authentication (§1.2 step 1), by the request body they were read from. */
    private final Map<Object, MultipartForm.Form> parsedEarly = Collections.synchronizedMap(new WeakHashMap<>());

    public ReleasesApi(
            Flavour flavour,
            String appVersion,
            Directory directory,
            AccessPolicy policy,
            RepositoryStore store,
            BlobStore blobs,
            Settings settings,
            Supplier<String> baseUrl) {
        this.rules = new ReleaseRules(flavour, appVersion);
        this.directory = directory;
        this.policy = policy;
        this.store = store;
        this.blobs = blobs;
        this.settings = settings;
        this.baseUrl = baseUrl;
    }

    /** Whether releases take {@code external_url} assets (links), as Forgejo v9 and later do. */
    public boolean externalAssets() {
        return rules.externalAssets();
    }

    /** Whether the API part of this class answers the target: {@code /api/v1/repos/{owner}/{repo}...}. */
    public static boolean handles(RequestTarget target) {
        return target.size() >= 5 && target.startsWith("api", "v1", "repos");
    }

    /** Whether the target is a web download route: {@code /{o}/{r}/releases/download/{tag}/{name}} or {@code /attachments/{uuid}}. */
    public static boolean handlesDownload(RequestTarget target) {
        return (target.size() == 6
                        && target.raw(2).equals("releases")
                        && target.raw(3).equals("download"))
                || (target.size() == 2 && target.raw(0).equals("attachments"));
    }

    /**
     * §1.2 step 1: Gitea (every version) and Forgejo up to v13 parse a multipart POST to {@code /api/v1}
     * completely before authentication, so a bad token still costs the whole upload. Call before
     * authenticating; a present result is the answer (a form that does not parse).
     */
    public Optional<Response> parseMultipartBeforeAuth(ServerRequest request, RequestTarget target) throws IOException {
        String contentType = Optional.ofNullable(request.header("Content-Type")).orElse("");
        if (!rules.multipartParsedBeforeAuth()
                || !request.method().equals("POST")
                || !target.startsWith("api", "v1")
                || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return Optional.empty();
        }
        try {
            parsedEarly.put(request.body(), MultipartForm.parse(contentType, request.body(), "attachment", blobs));
            return Optional.empty();
        } catch (MultipartForm.MalformedException e) {
            return Optional.of(Response.text(500, "failed to parse request multipart form"));
        }
    }

    /** The asset limit in force, or -1 (§3.5). */
    long assetSizeLimit() {
        if (!rules.limitsAssetSize()) {
            return -1;
        }
        return settings.assetSizeLimit() >= 0 ? settings.assetSizeLimit() : rules.defaultAssetSizeLimit();
    }

    private enum Kind {
        REPOSITORY,
        TAG,
        COMMIT,
        LIST,
        CREATE,
        LATEST,
        GET,
        EDIT,
        DELETE,
        GET_BY_TAG,
        DELETE_BY_TAG,
        DELETE_TAG,
        LIST_ASSETS,
        UPLOAD,
        GET_ASSET,
        EDIT_ASSET,
        DELETE_ASSET
    }

    /** A matched route; {@code allowed} is what chi lists in a 405's {@code Allow} header. */
    private record Route(Kind kind, Access required, boolean methodAllowed, String... allowed) {}

    /** Answers a request whose caller is already authenticated. */
    public Response handle(ServerRequest request, RequestTarget target, Caller caller) throws IOException {
        Route route = route(request.method(), target);
        if (route == null) {
            return Response.text(404, "404 page not found\n");
        }
        if (!route.methodAllowed()) {
            return Chi.methodNotAllowed(route.allowed());
        }
        // §1.2 step 3: the token's scope, before the repository is looked up
        TokenScope scope = caller.scope();
        if (scope != null && !repositoryScope(scope, route.required())) {
            String name = route.required() == Access.WRITE ? "write:repository" : "read:repository";
            return error(403, rules.missingScopeMessage(name, scope));
        }
        // step 4: repoAssignment
        Optional<Account> owner = directory.find(target.param(3));
        Optional<GitRepository> found = owner.flatMap(o -> store.find(o.name(), target.param(4)));
        if (found.isEmpty()) {
            return notFound();
        }
        GitRepository repository = found.get();
        synchronized (store) {
            repository.sync();
        }
        Access access = access(caller, repository);
        if (access == Access.NONE) {
            return notFound();
        }
        if (scope != null && scope.scopes().contains("public-only") && repository.isPrivate()) {
            return error(403, "token scope is limited to public repos");
        }
        // step 6: writers only
        if (route.required() == Access.WRITE) {
            if (!caller.signedIn()) {
                return error(401, "token is required");
            }
            if (!access.atLeast(Access.WRITE)) {
                return error(403, "user should have a permission to write to a repo");
            }
        }
        boolean canWrite = access.atLeast(Access.WRITE);
        boolean writeScope = scope == null || repositoryScope(scope, Access.WRITE);
        // step 7: bind the JSON body of a POST/PATCH, before the handler and outside the store's lock
        Map<String, Object> option = Map.of();
        if (route.kind() == Kind.CREATE || route.kind() == Kind.EDIT || route.kind() == Kind.EDIT_ASSET) {
            try {
                option = bind(request);
            } catch (BindException e) {
                return error(422, e.getMessage());
            }
        }
        Call call = new Call(request, target, caller, repository, canWrite, writeScope, option);
        if (route.kind() == Kind.UPLOAD) {
            // streams the body without holding the lock, so that parallel uploads run in parallel
            return upload(call);
        }
        synchronized (store) {
            return dispatch(route.kind(), call);
        }
    }

    private record Call(
            ServerRequest request,
            RequestTarget target,
            Caller caller,
            GitRepository repository,
            boolean canWrite,
            boolean writeScope,
            Map<String, Object> option) {

        String param(int index) {
            return target.param(index);
        }

        boolean githubAccept() {
            String accept = request.header("Accept");
            return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/vnd.github+json");
        }
    }

    private Response dispatch(Kind kind, Call call) {
        return switch (kind) {
            case REPOSITORY ->
                Response.json(
                        200,
                        json().repository(
                                        call.repository(),
                                        call.canWrite() && call.caller().signedIn(),
                                        call.canWrite(),
                                        true));
            case TAG -> tag(call);
            case COMMIT -> commit(call);
            case LIST -> list(call);
            case CREATE -> create(call);
            case LATEST -> latest(call);
            case GET -> get(call);
            case EDIT -> edit(call);
            case DELETE -> delete(call, visibleRelease(call, call.param(6)));
            case GET_BY_TAG -> getByTag(call);
            case DELETE_BY_TAG -> delete(call, byTag(call));
            case DELETE_TAG -> deleteTag(call);
            case LIST_ASSETS -> listAssets(call);
            case UPLOAD -> throw new IllegalStateException("uploads are handled outside the lock");
            case GET_ASSET -> getAsset(call);
            case EDIT_ASSET -> editAsset(call);
            case DELETE_ASSET -> deleteAsset(call);
        };
    }

    private static Route route(String method, RequestTarget target) {
        int size = target.size();
        if (size == 5) {
            return route(method, Kind.REPOSITORY, "GET", Access.READ);
        }
        String section = target.raw(5);
        if (section.equals("tags") && size == 7) {
            return method.equals("DELETE")
                    ? new Route(Kind.DELETE_TAG, Access.WRITE, true)
                    : new Route(Kind.TAG, Access.READ, method.equals("GET"), "GET", "DELETE");
        }
        if (section.equals("git") && size == 8 && target.raw(6).equals("commits")) {
            return route(method, Kind.COMMIT, "GET", Access.READ);
        }
        if (!section.equals("releases")) {
            return null;
        }
        if (size == 6) {
            return switch (method) {
                case "GET" -> new Route(Kind.LIST, Access.READ, true);
                case "POST" -> new Route(Kind.CREATE, Access.WRITE, true);
                default -> new Route(Kind.LIST, Access.READ, false, "GET", "POST");
            };
        }
        String sub = target.raw(6);
        if (size == 7 && sub.equals("latest")) {
            return route(method, Kind.LATEST, "GET", Access.READ);
        }
        if (size == 8 && sub.equals("tags")) {
            return switch (method) {
                case "GET" -> new Route(Kind.GET_BY_TAG, Access.READ, true);
                case "DELETE" -> new Route(Kind.DELETE_BY_TAG, Access.WRITE, true);
                default -> new Route(Kind.GET_BY_TAG, Access.READ, false, "GET", "DELETE");
            };
        }
        if (size == 7) {
            return switch (method) {
                case "GET" -> new Route(Kind.GET, Access.READ, true);
                case "PATCH" -> new Route(Kind.EDIT, Access.WRITE, true);
                case "DELETE" -> new Route(Kind.DELETE, Access.WRITE, true);
                default -> new Route(Kind.GET, Access.READ, false, "GET", "PATCH", "DELETE");
            };
        }
        if (size == 8 && target.raw(7).equals("assets")) {
            return switch (method) {
                case "GET" -> new Route(Kind.LIST_ASSETS, Access.READ, true);
                case "POST" -> new Route(Kind.UPLOAD, Access.WRITE, true);
                default -> new Route(Kind.LIST_ASSETS, Access.READ, false, "GET", "POST");
            };
        }
        if (size == 9 && target.raw(7).equals("assets")) {
            return switch (method) {
                case "GET" -> new Route(Kind.GET_ASSET, Access.READ, true);
                case "PATCH" -> new Route(Kind.EDIT_ASSET, Access.WRITE, true);
                case "DELETE" -> new Route(Kind.DELETE_ASSET, Access.WRITE, true);
                default -> new Route(Kind.GET_ASSET, Access.READ, false, "GET", "PATCH", "DELETE");
            };
        }
        return null;
    }

    private static Route route(String method, Kind kind, String allowed, Access required) {
        return new Route(kind, required, method.equals(allowed), allowed);
    }

    // ---- repository, tags, commits

    private Response tag(Call call) {
        String tag = call.param(6);
        return call.repository()
                .tagCommit(tag)
                .map(sha -> Response.json(200, json().tag(call.repository(), tag, sha)))
                .orElseGet(this::notFound);
    }

    private Response commit(Call call) {
        Optional<String> sha = call.repository().resolve(call.param(7));
        return sha.map(s -> Response.json(200, json().commit(call.repository(), s)))
                .orElseGet(this::notFound);
    }

    /** {@code DELETE /repos/{o}/{r}/tags/{tag}} (§1.1, related routes). */
    private Response deleteTag(Call call) {
        GitRepository repository = call.repository();
        String tag = call.param(6);
        Optional<ReleaseRow> row = repository.releaseRow(tag);
        if (row.isPresent() && !row.get().tagOnly) {
            return error(409, "a tag attached to a release cannot be deleted directly");
        }
        if (repository.tagCommit(tag).isEmpty()) {
            return notFound();
        }
        if (repository.tagProtected(tag)) {
            return error(422, "user not allowed to delete protected tag");
        }
        repository.gitTags().remove(tag);
        row.ifPresent(repository.releases::remove);
        return Response.empty(204);
    }

    // ---- releases

    private Response list(Call call) {
        Map<String, List<String>> query = call.target().query();
        boolean includeDrafts = rules.listShowsDrafts(call.canWrite(), call.writeScope());
        Optional<Boolean> draft = optionalBool(query, "draft");
        Optional<Boolean> prerelease = optionalBool(query, "pre-release");
        String keyword = rules.keywordFilter() ? first(query, "q").toLowerCase(Locale.ROOT) : "";
        List<ReleaseRow> rows = new ArrayList<>();
        for (ReleaseRow row : call.repository().releases) {
            if (row.tagOnly || (row.draft && !includeDrafts)) {
                continue;
            }
            if (draft.isPresent() && row.draft != draft.get()) {
                continue;
            }
            if (prerelease.isPresent() && row.prerelease != prerelease.get()) {
                continue;
            }
            if (!keyword.isEmpty()
                    && !(row.title.toLowerCase(Locale.ROOT).contains(keyword)
                            || row.tag.toLowerCase(Locale.ROOT).contains(keyword)
                            || row.notes.toLowerCase(Locale.ROOT).contains(keyword))) {
                continue;
            }
            rows.add(row);
        }
        rows.sort(Comparator.comparing((ReleaseRow r) -> r.created)
                .thenComparingLong(r -> r.id)
                .reversed());
        int page = Math.max(1, intParam(query, "page", 1));
        int limitDefault = 30;
        int limit = intParam(query, "limit", intParam(query, rules.forgejo() ? "limit" : "per_page", limitDefault));
        limit = limit <= 0 ? limitDefault : Math.min(limit, 50);
        int from = Math.min(rows.size(), (page - 1) * limit);
        int to = Math.min(rows.size(), from + limit);
        Response response = Response.json(
                        200, json().releases(call.repository(), rows.subList(from, to), call.githubAccept()))
                .withHeader("X-Total-Count", String.valueOf(rows.size()))
                .withHeader("Access-Control-Expose-Headers", "X-Total-Count, Link");
        String link = link(call, page, limit, rows.size());
        return link.isEmpty() ? response : response.withHeader("Link", link);
    }

    private String link(Call call, int page, int limit, int total) {
        int last = Math.max(1, (total + limit - 1) / limit);
        String path = baseUrl.get() + "/api/v1/repos/"
                + Json.pathEscape(call.repository().owner().name()) + "/"
                + Json.pathEscape(call.repository().name()) + "/releases?limit=" + limit + "&page=";
        List<String> links = new ArrayList<>();
        if (page < last) {
            links.add("<" + path + (page + 1) + ">; rel=\"next\"");
            links.add("<" + path + last + ">; rel=\"last\"");
        }
        if (page > 1) {
            links.add("<" + path + 1 + ">; rel=\"first\"");
            links.add("<" + path + (page - 1) + ">; rel=\"prev\"");
        }
        return String.join(",", links);
    }

    private Response latest(Call call) {
        return call.repository().releases.stream()
                .filter(r -> !r.tagOnly && !r.draft && !r.prerelease)
                .max(Comparator.comparing((ReleaseRow r) -> r.created).thenComparingLong(r -> r.id))
                .map(row -> releaseResponse(200, call, row))
                .orElseGet(this::notFound);
    }

    private Response get(Call call) {
        Optional<ReleaseRow> row = visibleRelease(call, call.param(6));
        if (row.isEmpty() || (row.get().draft && rules.byIdHidesDraft(call.canWrite(), call.writeScope()))) {
            return notFound();
        }
        return releaseResponse(200, call, row.get());
    }

    private Response getByTag(Call call) {
        Optional<ReleaseRow> row = byTag(call);
        if (row.isEmpty() || (row.get().draft && rules.byTagHidesDraft(call.canWrite()))) {
            return notFound();
        }
        return releaseResponse(200, call, row.get());
    }

    /** A real release (not a tag-only row) of this repository with this id. */
    private Optional<ReleaseRow> visibleRelease(Call call, String id) {
        Long releaseId = parseId(id);
        if (releaseId == null) {
            return Optional.empty();
        }
        return call.repository().releaseRow(releaseId).filter(r -> !r.tagOnly);
    }

    private Optional<ReleaseRow> byTag(Call call) {
        return call.repository().releaseRow(call.param(7)).filter(r -> !r.tagOnly);
    }

    /** The decision tree of §2.1. */
    private Response create(Call call) {
        Map<String, Object> option = call.option();
        String tag = string(option, "tag_name");
        if (tag.isEmpty()) {
            return error(422, "[TagName]: Required");
        }
        GitRepository repository = call.repository();
        if (repository.empty()) {
            return rules.emptyRepositoryIs422() ? error(422, "repo is empty") : internalError(call, "repo is empty");
        }
        String target = string(option, "target_commitish");
        String title = string(option, "name");
        if (title.isEmpty() && rules.nameDefaultsToTag()) {
            title = tag;
        }
        Optional<ReleaseRow> existing = repository.releaseRow(tag);
        if (existing.isPresent() && !existing.get().tagOnly) {
            return error(409, rules.conflictMessage());
        }
        if (existing.isPresent()) {
            // step 4: the tag-only row is converted in place; UpdateRelease maps every error to 500
            ReleaseRow row = existing.get();
            String failure = createTagIfNeeded(repository, row.tag, target, bool(option, "draft"), row);
            if (failure != null) {
                return internalError(call, failure);
            }
            row.tagOnly = false;
            row.title = title;
            row.notes = string(option, "body");
            row.draft = bool(option, "draft");
            row.prerelease = bool(option, "prerelease");
            row.target = target;
            row.publisher = call.caller().user();
            if (rules.archiveFields()) {
                row.hideArchiveLinks = bool(option, "hide_archive_links");
            }
            return releaseResponse(201, call, row);
        }
        // step 5: a new row
        if (tag.startsWith("--")) {
            tag = tag.substring(2);
        }
        if (target.isEmpty()) {
            target = repository.defaultBranch();
        }
        if (repository.isArchived()) {
            return internalError(call, "repo is archived");
        }
        boolean draft = bool(option, "draft");
        ReleaseRow row = new ReleaseRow(store.nextReleaseId(), tag);
        row.created = Instant.now();
        if (!draft) {
            Optional<String> tagged = repository.tagCommit(tag);
            if (tagged.isPresent()) {
                row.sha = tagged.get();
                // createTag leaves CreatedUnix unset when the tag exists (§2.1 step 5, inferred)
                row.created = Instant.EPOCH;
            } else {
                if (repository.tagProtected(tag)) {
                    String message = "release tag name is protected [tag_name: " + tag + "]";
                    return rules.protectedTagIs422() ? error(422, message) : internalError(call, message);
                }
                Optional<String> commit = repository.resolve(target);
                if (commit.isEmpty()) {
                    String message = rules.invalidTargetMessage(target);
                    return rules.invalidTargetIs404() ? error(404, message) : internalError(call, message);
                }
                if (!validTagName(tag)) {
                    return internalError(call, "invalid tag name [tag_name: " + tag + "]");
                }
                repository.gitTags().put(tag, commit.get());
                row.sha = commit.get();
            }
        }
        row.target = target;
        row.title = title.length() > 255 ? title.substring(0, 255) : title;
        row.notes = string(option, "body");
        row.draft = draft;
        row.prerelease = bool(option, "prerelease");
        row.publisher = call.caller().user();
        if (rules.archiveFields()) {
            row.hideArchiveLinks = bool(option, "hide_archive_links");
        }
        repository.releases.add(row);
        return releaseResponse(201, call, row);
    }

    /**
     * UpdateRelease's createTag: a release that is not a draft needs its git tag, made from the stored target
     * if missing. Returns the failure (a 500 on the servers) or null.
     */
    private static String createTagIfNeeded(
            GitRepository repository, String tag, String target, boolean draft, ReleaseRow row) {
        if (repository.isArchived()) {
            return "repo is archived";
        }
        if (draft) {
            row.created = Instant.now();
            return null;
        }
        Optional<String> tagged = repository.tagCommit(tag);
        if (tagged.isPresent()) {
            row.sha = tagged.get();
            return null;
        }
        if (repository.tagProtected(tag)) {
            return "release tag name is protected [tag_name: " + tag + "]";
        }
        Optional<String> commit = target.isEmpty() ? Optional.empty() : repository.resolve(target);
        if (commit.isEmpty()) {
            return "object does not exist [id: " + target + ", rel_path: ]";
        }
        repository.gitTags().put(tag, commit.get());
        row.sha = commit.get();
        row.created = Instant.now();
        return null;
    }

    /** §4.1: empty strings leave a field as it is; booleans change only when present. */
    private Response edit(Call call) {
        Optional<ReleaseRow> found = visibleRelease(call, call.param(6));
        if (found.isEmpty()) {
            return notFound();
        }
        Map<String, Object> option = call.option();
        ReleaseRow row = found.get();
        String tag = string(option, "tag_name");
        if (!tag.isEmpty() && !tag.equals(row.tag)) {
            Optional<ReleaseRow> other = call.repository().releaseRow(tag);
            if (other.isPresent() && other.get() != row) {
                return internalError(call, "UNIQUE constraint failed: release.repo_id, release.lower_tag_name");
            }
        }
        String target = string(option, "target_commitish");
        boolean draft = option.get("draft") instanceof Boolean b ? b : row.draft;
        String failure = createTagIfNeeded(
                call.repository(), tag.isEmpty() ? row.tag : tag, target.isEmpty() ? row.target : target, draft, row);
        if (failure != null) {
            return internalError(call, failure);
        }
        if (!tag.isEmpty()) {
            row.tag = tag;
        }
        if (!target.isEmpty()) {
            row.target = target;
        }
        if (!string(option, "name").isEmpty()) {
            row.title = string(option, "name");
        }
        if (!string(option, "body").isEmpty()) {
            row.notes = string(option, "body");
        }
        row.draft = draft;
        if (option.get("prerelease") instanceof Boolean b) {
            row.prerelease = b;
        }
        if (rules.archiveFields() && option.get("hide_archive_links") instanceof Boolean b) {
            row.hideArchiveLinks = b;
        }
        return releaseResponse(200, call, row);
    }

    /** §4.2: the row becomes tag-only again, its assets go, the git tag stays. */
    private Response delete(Call call, Optional<ReleaseRow> found) {
        if (found.isEmpty()) {
            return notFound();
        }
        ReleaseRow row = found.get();
        row.tagOnly = true;
        row.assets.clear();
        return Response.empty(204);
    }

    // ---- assets

    /** The release of an asset route; empty (404) when missing, tag-only or a draft hidden from the caller. */
    private Optional<ReleaseRow> assetRelease(Call call, boolean list) {
        Optional<ReleaseRow> row = visibleRelease(call, call.param(6));
        if (row.isEmpty() || !row.get().draft) {
            return row;
        }
        boolean hidden = list
                ? rules.byIdHidesDraft(call.canWrite(), call.writeScope())
                        || rules.assetRoutesHideDraft(call.canWrite(), call.writeScope())
                : rules.assetRoutesHideDraft(call.canWrite(), call.writeScope());
        return hidden ? Optional.empty() : row;
    }

    private Response listAssets(Call call) {
        Optional<ReleaseRow> row = assetRelease(call, true);
        if (row.isEmpty()) {
            return notFound();
        }
        return Response.json(200, json().assets(call.repository(), row.get()));
    }

    private Optional<AssetRow> asset(ReleaseRow release, String id) {
        Long assetId = parseId(id);
        return assetId == null
                ? Optional.empty()
                : release.assets.stream().filter(a -> a.id == assetId).findFirst();
    }

    private Response getAsset(Call call) {
        Optional<ReleaseRow> row = assetRelease(call, false);
        Optional<AssetRow> asset = row.flatMap(r -> asset(r, call.param(8)));
        if (asset.isEmpty()) {
            return notFound();
        }
        return Response.json(200, json().singleAsset(call.repository(), row.get(), asset.get()));
    }

    private Response deleteAsset(Call call) {
        Optional<ReleaseRow> row = assetRelease(call, false);
        Optional<AssetRow> asset = row.flatMap(r -> asset(r, call.param(8)));
        if (asset.isEmpty()) {
            return notFound();
        }
        row.get().assets.remove(asset.get());
        return Response.empty(204);
    }

    private Response editAsset(Call call) {
        Optional<ReleaseRow> row = assetRelease(call, false);
        Optional<AssetRow> found = row.flatMap(r -> asset(r, call.param(8)));
        if (found.isEmpty()) {
            return notFound();
        }
        Map<String, Object> option = call.option();
        AssetRow asset = found.get();
        String name = string(option, "name");
        String url = string(option, "browser_download_url");
        if (!url.isEmpty() && rules.externalAssets()) {
            if (!asset.external()) {
                return error(400, "existing internal attachment cannot be converted to external");
            }
            if (!validExternalUrl(url)) {
                return error(422, "invalid external URL: '" + url + "'");
            }
            asset.externalUrl = url;
        }
        if (!name.isEmpty()) {
            if (rules.renameChecksType() && !AllowedTypes.allowedByName(settings.allowedTypes(), name)) {
                return error(422, rules.forbiddenTypeMessage());
            }
            asset.name = name;
        }
        return Response.json(201, json().singleAsset(call.repository(), row.get(), asset));
    }

    /** §3.1 (Gitea) and §3.2 (Forgejo), by version (§3.3). */
    private Response upload(Call call) throws IOException {
        if (!settings.attachmentsEnabled()) {
            return error(404, rules.forgejo() ? "Attachment is not enabled" : "attachment is not enabled");
        }
        ReleaseRow release;
        synchronized (store) {
            Optional<ReleaseRow> found = assetRelease(call, false);
            if (found.isEmpty()) {
                return notFound();
            }
            release = found.get();
        }
        ServerRequest request = call.request();
        String contentType = Optional.ofNullable(request.header("Content-Type")).orElse("");
        boolean multipart = contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
        Map<String, List<String>> form = new LinkedHashMap<>(call.target().query());
        Optional<MultipartForm.FilePart> file = Optional.empty();
        if (multipart) {
            MultipartForm.Form parsed = parsedEarly.remove(request.body());
            if (parsed == null) {
                try {
                    parsed = MultipartForm.parse(contentType, request.body(), "attachment", blobs);
                } catch (MultipartForm.MalformedException e) {
                    return internalError(call, e.getMessage());
                }
            }
            // Go appends the multipart values after the query's, so FormValue prefers ?name=
            parsed.values()
                    .forEach((k, v) ->
                            form.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            file = parsed.file();
        } else if (!rules.rawUpload()) {
            return internalError(call, "request Content-Type isn't multipart/form-data");
        }
        String name = first(form, "name");
        String externalUrl = rules.externalAssets() ? first(form, "external_url") : "";
        boolean hasFile = multipart ? file.isPresent() : true;
        if (rules.externalAssets()) {
            if (hasFile && !externalUrl.isEmpty()) {
                return error(400, "'attachment' and 'external_url' are mutually exclusive");
            }
            if (!hasFile && externalUrl.isEmpty()) {
                return error(400, "One of 'attachment' or 'external_url' is required");
            }
            if (!hasFile) {
                return external(call, release, name, externalUrl);
            }
        } else if (multipart && file.isEmpty()) {
            return internalError(call, "http: no such file");
        }
        if (multipart) {
            MultipartForm.FilePart part = file.get();
            if (name.isEmpty()) {
                name = part.fileName();
            }
            if (name.isEmpty()) {
                return error(400, rules.missingNameMessage());
            }
            if (!AllowedTypes.allowed(settings.allowedTypes(), name, part.blob())) {
                return error(400, rules.forbiddenTypeMessage());
            }
            long limit = assetSizeLimit();
            if (limit >= 0 && part.digests().size() > limit) {
                return error(413, "attachment exceeds limit " + limit);
            }
            return stored(call, release, name, part.digests(), part.blob());
        }
        if (name.isEmpty()) {
            return error(400, rules.missingNameMessage());
        }
        return storeRaw(call, release, name, request.body());
    }

    private Response storeRaw(Call call, ReleaseRow release, String name, InputStream body) throws IOException {
        long limit = assetSizeLimit();
        BlobStore.Writer writer = blobs.newBlob();
        LimitedInputStream limited = new LimitedInputStream(body, limit);
        Digests digests;
        try {
            digests = Digests.copy(limited, writer);
        } catch (LimitedInputStream.LimitExceeded e) {
            // MaxBytesReader: Go closes the connection after the 413
            return error(413, "attachment exceeds limit " + limit).closingConnection();
        }
        Blob blob = writer.finish();
        if (!AllowedTypes.allowed(settings.allowedTypes(), name, blob)) {
            return error(400, rules.forbiddenTypeMessage());
        }
        return stored(call, release, name, digests, blob);
    }

    private Response stored(Call call, ReleaseRow release, String name, Digests digests, Blob blob) {
        synchronized (store) {
            AssetRow asset = store.newAsset(name, digests, blob);
            release.assets.add(asset);
            return Response.json(201, json().singleAsset(call.repository(), release, asset));
        }
    }

    private Response external(Call call, ReleaseRow release, String name, String externalUrl) {
        URI uri;
        try {
            uri = new URI(externalUrl);
        } catch (URISyntaxException e) {
            return error(400, e.getMessage());
        }
        if (!validExternalUrl(externalUrl)) {
            return error(400, "invalid external URL: '" + externalUrl + "'");
        }
        if (name.isEmpty()) {
            String path = uri.getRawPath() == null ? "" : uri.getPath();
            String base = path.isEmpty() || path.equals("/")
                    ? ""
                    : path.substring(path.lastIndexOf('/', path.length() - 2) + 1);
            name = base.isEmpty() ? uri.getHost() : base.replaceAll("/$", "");
        }
        synchronized (store) {
            AssetRow asset = store.newExternalAsset(name, externalUrl);
            release.assets.add(asset);
            return Response.json(201, json().singleAsset(call.repository(), release, asset));
        }
    }

    /** Forgejo's IsValidReleaseAssetURL = IsValidURL: http or https, a valid port; localhost allowed. */
    private static boolean validExternalUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return false;
            }
            return uri.getHost() != null && (uri.getPort() == -1 || (uri.getPort() > 0 && uri.getPort() < 65536));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    // ---- web downloads (§3.6)

    /** Serves {@code /{o}/{r}/releases/download/{tag}/{name}} and {@code /attachments/{uuid}}. */
    public Response download(ServerRequest request, RequestTarget target, Caller caller) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return Chi.methodNotAllowed("GET", "HEAD");
        }
        if (rules.webDownloadChecksScope() && caller.scope() != null && !repositoryScope(caller.scope(), Access.READ)) {
            return Response.text(403, "token does not have at least one of required scope(s): [read:repository]");
        }
        synchronized (store) {
            GitRepository repository;
            ReleaseRow release;
            AssetRow asset;
            if (target.size() == 2) {
                Optional<RepositoryStore.Located> located = store.byUuid(target.param(1));
                if (located.isEmpty()) {
                    return webNotFound();
                }
                repository = located.get().repository();
                release = located.get().release();
                asset = located.get().asset();
            } else {
                Optional<Account> owner = directory.find(target.param(0));
                Optional<GitRepository> found = owner.flatMap(o -> store.find(o.name(), target.param(1)));
                if (found.isEmpty()) {
                    return webNotFound();
                }
                repository = found.get();
                String tag = target.param(4);
                Optional<ReleaseRow> row = repository.releases.stream()
                        .filter(r -> !r.tagOnly && r.tag.equals(tag))
                        .findFirst();
                if (row.isEmpty() && tag.equals("latest")) {
                    row = repository.releases.stream()
                            .filter(r -> !r.tagOnly && !r.draft && !r.prerelease)
                            .max(Comparator.comparing((ReleaseRow r) -> r.created)
                                    .thenComparingLong(r -> r.id));
                }
                String name = target.param(5);
                Optional<AssetRow> named = row.flatMap(
                        r -> r.assets.stream().filter(a -> a.name.equals(name)).findFirst());
                if (named.isEmpty()) {
                    return webNotFound();
                }
                release = row.get();
                asset = named.get();
            }
            Access access = access(caller, repository);
            if (access == Access.NONE || (release.draft && !access.atLeast(Access.WRITE))) {
                return webNotFound();
            }
            if (asset.external()) {
                return new Response(303, Map.of("Location", asset.externalUrl), 0, out -> {});
            }
            asset.downloads++;
            Blob blob = asset.blob;
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/octet-stream");
            headers.put("Content-Disposition", "attachment; filename=\"" + asset.name.replace("\"", "\\\"") + "\"");
            headers.put("ETag", "\"" + asset.uuid + "\"");
            return new Response(200, headers, blob.size(), out -> {
                try (InputStream in = blob.open()) {
                    in.transferTo(out);
                }
            });
        }
    }

    // ---- access

    /** The caller's permission on the Releases unit of the repository. */
    private Access access(Caller caller, GitRepository repository) {
        if (caller.signedIn() && !caller.user().active()) {
            return Access.NONE;
        }
        if (caller.admin()) {
            return Access.WRITE;
        }
        Account owner = repository.owner();
        Access granted = Access.NONE;
        if (caller.signedIn()) {
            if (owner.organization()) {
                granted = directory.membership(owner, caller.user()).orElse(Access.NONE);
            } else if (caller.user().id() == owner.id()) {
                granted = Access.WRITE;
            }
            Access collaborator = repository.collaborator(caller.user().name());
            if (collaborator.atLeast(granted)) {
                granted = collaborator;
            }
        }
        if (granted != Access.NONE || repository.isPrivate()) {
            return granted;
        }
        return policy.accessMode(caller, owner).atLeast(Access.READ) ? Access.READ : Access.NONE;
    }

    /** The {@code repository} scope category: {@code write:repository} implies read, {@code all} everything. */
    static boolean repositoryScope(TokenScope scope, Access required) {
        if (scope.scopes().contains("all") || scope.scopes().contains("write:repository")) {
            return true;
        }
        return required == Access.READ && scope.scopes().contains("read:repository");
    }

    // ---- helpers

    private ReleaseJson json() {
        return new ReleaseJson(rules, baseUrl.get());
    }

    private Response releaseResponse(int status, Call call, ReleaseRow row) {
        return Response.json(status, json().release(call.repository(), row, call.githubAccept()));
    }

    private Response error(int status, String message) {
        return Response.json(status, Json.message(message, baseUrl.get()));
    }

    private Response notFound() {
        return Response.json(404, rules.notFoundJson(baseUrl.get() + "/api/swagger"));
    }

    private static Response webNotFound() {
        return Response.text(404, "Not Found");
    }

    /** §1.3: a 500's message is emptied in production unless the caller is a site admin. */
    private Response internalError(Call call, String message) {
        return error(500, call.caller().admin() ? message : "");
    }

    private static final class BindException extends Exception {
        BindException(String message) {
            super(message);
        }
    }

    /** go-chi binding of a JSON body; a body that is not JSON binds as an empty form (inferred, §1.2 step 7). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> bind(ServerRequest request) throws IOException, BindException {
        String contentType = Optional.ofNullable(request.header("Content-Type")).orElse("");
        byte[] body = request.body().readAllBytes();
        if (!contentType.toLowerCase(Locale.ROOT).contains("json")) {
            return Map.of();
        }
        try {
            Object value = JsonReader.parse(new String(body, StandardCharsets.UTF_8));
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            throw new BindException("[]: DeserializationError");
        } catch (IllegalArgumentException e) {
            throw new BindException("[]: DeserializationError");
        }
    }

    private static String string(Map<String, Object> option, String field) {
        return option.get(field) instanceof String s ? s : "";
    }

    private static boolean bool(Map<String, Object> option, String field) {
        return option.get(field) instanceof Boolean b && b;
    }

    private static String first(Map<String, List<String>> values, String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? "" : list.get(0);
    }

    private static Optional<Boolean> optionalBool(Map<String, List<String>> query, String name) {
        String value = first(query, name).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "1", "t" -> Optional.of(true);
            case "false", "0", "f" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private static int intParam(Map<String, List<String>> query, String name, int fallback) {
        try {
            return Integer.parseInt(first(query, name));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Long parseId(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The names {@code git check-ref-format} refuses, roughly; the servers answer them with a 500. */
    private static boolean validTagName(String tag) {
        return !tag.isEmpty()
                && !tag.startsWith("-")
                && !tag.startsWith("/")
                && !tag.endsWith("/")
                && !tag.endsWith(".")
                && !tag.endsWith(".lock")
                && !tag.contains("..")
                && !tag.contains("//")
                && !tag.contains("@{")
                && tag.chars().noneMatch(c -> c <= ' ' || c == 0x7f || "~^:?*[\\".indexOf(c) >= 0);
    }
}
