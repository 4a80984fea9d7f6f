package io.github.forgemaven.registry;

import io.github.forgemaven.registry.http.RegistryClient;
import io.github.forgemaven.registry.http.ServerVersion;
import java.util.Optional;

/**
 * The server's product and version, asked at most once per run, and only when a reply needs
 * explaining: a run that succeeds never asks.
 */
final class ServerVersionOnce {

    private final RegistryClient client;
    private boolean asked;
    private ServerVersion answer;

    ServerVersionOnce(RegistryClient client) {
        this.client = client;
    }

    /** What the server said the first time it was asked (with this publication's credentials), if anything. */
    synchronized Optional<ServerVersion> of(Publication publication) {
        if (!asked) {
            answer = client.serverVersion(publication.plan().target().registry(), publication.credentials())
                    .orElse(null);
            asked = true;
        }
        return Optional.ofNullable(answer);
    }
}
