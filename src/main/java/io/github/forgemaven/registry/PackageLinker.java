package io.github.forgemaven.registry;

import io.github.forgemaven.registry.http.RegistryClient;
import io.github.forgemaven.registry.http.RegistryResponseException;
import io.github.forgemaven.registry.http.Retrying;
import io.github.forgemaven.registry.http.ServerVersion;
import io.github.forgemaven.registry.plan.PackageCoordinates;
import io.github.forgemaven.registry.plan.Parameter;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Links a published package to a repository of its owner, so that it shows on the repository's
 * page. The API exists since Gitea 1.24 and Forgejo v11; on an older server linking is skipped with
 * a warning that names the server's version.
 */
public final class PackageLinker {

    private final RegistryClient client;
    private final Retrying retrying;
    private final PublishListener listener;

    /** Links with this client, retrying as for uploads, and reports to the listener. */
    public PackageLinker(RegistryClient client, Retrying retrying, PublishListener listener) {
        this.client = client;
        this.retrying = retrying;
        this.listener = listener;
    }

    /**
     * Links the publication's package to {@code repository}. A package that is already linked is fine.
     *
     * @throws PublishException when the server refuses (unknown repository, no permission); the
     *     files stay published
     */
    public void link(Publication publication, String repository) throws PublishException {
        PackageCoordinates target = publication.plan().target();
        String what = "package " + target.owner() + "/" + target.packageName() + " to repository " + target.owner()
                + "/" + repository;
        URI uri = target.registry().packageLink(target.owner(), target.packageName(), repository);
        try {
            retrying.call("POST " + uri, () -> {
                client.link(uri, publication.credentials());
                return null;
            });
            listener.info("Linked " + what + ".");
        } catch (RegistryResponseException e) {
            Optional<ServerVersion> server = client.serverVersion(target.registry(), publication.credentials());
            if (e.failure().status() == 404
                    && server.isPresent()
                    && !server.get().canLinkPackages()) {
                listener.warn("Did not link " + what + ": " + server.get() + " has no API for it (it came with"
                        + " Gitea 1.24 and Forgejo 11). Link it on the package's settings page instead.");
                return;
            }
            String hint = e.failure().status() == 404
                    ? "Check " + Parameter.LINK_REPOSITORY + ": the repository must exist and belong to owner '"
                            + target.owner() + "', like the package."
                    : FailureHints.forResponse(
                            e.failure(),
                            target,
                            publication.plan().files().get(0),
                            publication.credentials(),
                            server,
                            null);
            throw new PublishException(
                    "Linking " + what + " failed; the files are published." + System.lineSeparator()
                            + "  " + e.failure().summary() + System.lineSeparator()
                            + "  " + hint
                            + FailureHints.serverFact(server),
                    e,
                    e.failure().status() < 500,
                    List.of());
        } catch (IOException e) {
            throw new PublishException(
                    "Linking " + what + " failed; the files are published." + System.lineSeparator() + "  " + e,
                    e,
                    false,
                    List.of());
        }
    }
}
