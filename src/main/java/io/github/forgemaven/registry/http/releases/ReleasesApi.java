package io.github.forgemaven.registry.http.releases;

import static io.github.forgemaven.registry.http.JsonText.quote;

import io.github.forgemaven.registry.http.Credentials;
import io.github.forgemaven.registry.http.Fingerprint;
import io.github.forgemaven.registry.http.RegistryClient;
import io.github.forgemaven.registry.http.RegistryResponseException;
import io.github.forgemaven.registry.plan.RegistryUrl;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The releases API of one repository ({@code /api/v1/repos/{owner}/{repository}/releases}), over a
 * {@link RegistryClient}'s connections. A 404 where "none" is a normal answer comes back as empty.
 */
public final class ReleasesApi {

    /**
     * What the repository's own record says that matters before a release is made.
     *
     * @param empty it has no commits yet
     * @param mirror it is a pull mirror
     * @param archived it is archived
     * @param canPush the caller may write to it, as the server reports ({@code true} when it does not say)
     */
    public record RepositoryFacts(boolean empty, boolean mirror, boolean archived, boolean canPush) {}

    /**
     * The fields of a new release.
     *
     * @param tag the tag name
     * @param target the full SHA of the commit to tag
     * @param title the release title
     * @param notes the release notes (Markdown)
     * @param draft whether to create it as a draft
     * @param prerelease whether to mark it as a pre-release
     */
    public record NewRelease(
            String tag, String target, String title, String notes, boolean draft, boolean prerelease) {}

    private static final int MAX_TEXT_FILE_BYTES = 1024 * 1024;

    private final RegistryClient client;
    private final RegistryUrl server;
    private final String owner;
    private final String repository;
    private final Credentials credentials;

    public ReleasesApi(
            RegistryClient client, RegistryUrl server, String owner, String repository, Credentials credentials) {
        this.client = client;
        this.server = server;
        this.owner = owner;
        this.repository = repository;
        this.credentials = credentials;
    }

    /** {@code GET /repos/{o}/{r}}; empty when the repository does not exist (or the caller cannot see it). */
    public Optional<RepositoryFacts> repository() throws RegistryResponseException, IOException {
        return orNone(() -> {
            Map<?, ?> repo = (Map<?, ?>) client.json("GET", server.repositoryApi(owner, repository), null, credentials);
            Object permissions = repo.get("permissions");
            boolean canPush = !(permissions instanceof Map<?, ?> p) || !Boolean.FALSE.equals(p.get("push"));
            return new RepositoryFacts(
                    Boolean.TRUE.equals(repo.get("empty")),
                    Boolean.TRUE.equals(repo.get("mirror")),
                    Boolean.TRUE.equals(repo.get("archived")),
                    canPush);
        });
    }

    /** The commit a git tag points at ({@code GET /repos/{o}/{r}/tags/{tag}}); empty when there is no such tag. */
    public Optional<String> tagCommit(String tag) throws RegistryResponseException, IOException {
        return orNone(() -> {
            Map<?, ?> json = (Map<?, ?>)
                    client.json("GET", server.repositoryApi(owner, repository, "tags", tag), null, credentials);
            Object commit = json.get("commit");
            if (commit instanceof Map<?, ?> c && c.get("sha") instanceof String sha) {
                return sha;
            }
            return RemoteRelease.text(json.get("id"));
        });
    }

    /**
     * Whether the repository holds a commit ({@code GET /repos/{o}/{r}/git/commits/{sha}}, without its diff
     * statistics, signature check or file list).
     */
    public boolean hasCommit(String sha) throws RegistryResponseException, IOException {
        URI commit = server.repositoryApi(owner, repository, "git", "commits", sha);
        return orNone(() -> client.json(
                        "GET", URI.create(commit + "?stat=false&verification=false&files=false"), null, credentials))
                .isPresent();
    }

    /** The release of a tag, drafts included for a token that may write; empty when there is none. */
    public Optional<RemoteRelease> releaseByTag(String tag) throws RegistryResponseException, IOException {
        return orNone(() -> RemoteRelease.of(client.json(
                "GET", server.repositoryApi(owner, repository, "releases", "tags", tag), null, credentials)));
    }

    /** {@code GET /releases/{id}}. */
    public RemoteRelease release(long id) throws RegistryResponseException, IOException {
        return RemoteRelease.of(client.json("GET", releaseUri(id), null, credentials));
    }

    /** {@code POST /releases}. */
    public RemoteRelease create(NewRelease release) throws RegistryResponseException, IOException {
        String body = "{\"tag_name\":" + quote(release.tag()) + ",\"target_commitish\":" + quote(release.target())
                + ",\"name\":" + quote(release.title()) + ",\"body\":" + quote(release.notes()) + ",\"draft\":"
                + release.draft() + ",\"prerelease\":" + release.prerelease() + "}";
        return RemoteRelease.of(
                client.json("POST", server.repositoryApi(owner, repository, "releases"), body, credentials));
    }

    /** {@code PATCH /releases/{id}} with {@code draft} and, when not null, the other fields (empty means unchanged). */
    public RemoteRelease edit(long id, boolean draft, Boolean prerelease, String title, String notes)
            throws RegistryResponseException, IOException {
        StringBuilder body = new StringBuilder("{\"draft\":").append(draft);
        if (prerelease != null) {
            body.append(",\"prerelease\":").append(prerelease);
        }
        if (title != null && !title.isEmpty()) {
            body.append(",\"name\":").append(quote(title));
        }
        if (notes != null && !notes.isEmpty()) {
            body.append(",\"body\":").append(quote(notes));
        }
        return RemoteRelease.of(
                client.json("PATCH", releaseUri(id), body.append('}').toString(), credentials));
    }

    /** {@code DELETE /releases/{id}}: the release and its assets go, the git tag stays. */
    public void deleteRelease(long id) throws RegistryResponseException, IOException {
        client.json("DELETE", releaseUri(id), null, credentials);
    }

    /** {@code GET /releases/{id}/assets}: every asset (the route is not paged). */
    public List<RemoteAsset> assets(long id) throws RegistryResponseException, IOException {
        Object json = client.json("GET", assetsUri(id, null), null, credentials);
        List<RemoteAsset> assets = new ArrayList<>();
        for (Object asset : (List<?>) json) {
            assets.add(RemoteAsset.of(asset));
        }
        return assets;
    }

    /**
     * {@code POST /releases/{id}/assets?name=}: the file streamed as a raw body, or as a streamed
     * multipart body for servers that take only that (Gitea before 1.22, Forgejo before v7).
     */
    public Stored upload(long id, String name, Path file, boolean multipart, RegistryClient.Progress progress)
            throws RegistryResponseException, IOException {
        RegistryClient.PostedFile reply =
                client.postFile(assetsUri(id, name), file, name, multipart, credentials, progress);
        try {
            return new Stored(RemoteAsset.of(reply.json()), reply.sent());
        } catch (ClassCastException | NullPointerException e) {
            throw new IOException("the server's reply to the upload of " + name + " had an unexpected shape", e);
        }
    }

    /**
     * An uploaded asset.
     *
     * @param asset the asset as the server stored it
     * @param sent the size and SHA-256 of what was sent, or {@code null} when the body was not fingerprinted
     */
    public record Stored(RemoteAsset asset, Fingerprint sent) {}

    /** Adds an asset that links to a file elsewhere (Forgejo v9+), as a form without a file part. */
    public RemoteAsset link(long id, String name, URI target) throws RegistryResponseException, IOException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("external_url", target.toString());
        return RemoteAsset.of(client.postForm(assetsUri(id, null), form, credentials));
    }

    /** {@code DELETE /releases/{id}/assets/{assetId}}. */
    public void deleteAsset(long id, long assetId) throws RegistryResponseException, IOException {
        client.json(
                "DELETE",
                server.repositoryApi(
                        owner, repository, "releases", Long.toString(id), "assets", Long.toString(assetId)),
                null,
                credentials);
    }

    /** Downloads a small asset (at most 1 MiB), such as the checksum file; empty when it is gone. */
    public Optional<String> download(String url) throws RegistryResponseException, IOException {
        return client.fetchText(URI.create(url), credentials, MAX_TEXT_FILE_BYTES);
    }

    /** The API URL of a release, for messages. */
    public URI releaseUri(long id) {
        return server.repositoryApi(owner, repository, "releases", Long.toString(id));
    }

    private URI assetsUri(long id, String name) {
        URI assets = server.repositoryApi(owner, repository, "releases", Long.toString(id), "assets");
        if (name == null) {
            return assets;
        }
        String encoded = server.repositoryApi("x", name).getRawPath();
        return URI.create(assets + "?name=" + encoded.substring(encoded.lastIndexOf('/') + 1));
    }

    private interface Call<T> {
        T run() throws RegistryResponseException, IOException;
    }

    private static <T> Optional<T> orNone(Call<T> call) throws RegistryResponseException, IOException {
        try {
            return Optional.of(call.run());
        } catch (RegistryResponseException e) {
            if (e.failure().status() == 404) {
                return Optional.empty();
            }
            throw e;
        } catch (ClassCastException | NullPointerException e) {
            throw new IOException("the server's reply had an unexpected shape (" + e.getMessage() + ")", e);
        }
    }
}
