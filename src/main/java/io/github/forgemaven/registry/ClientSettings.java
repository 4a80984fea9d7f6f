package io.github.forgemaven.registry;

import java.time.Duration;

/**
 * How the registry client talks HTTP.
 *
 * @param userAgent the {@code User-Agent}, e.g. {@code forge-maven-plugin/1.0.0}
 * @param connectTimeout the longest wait for a TCP (and TLS) connection
 * @param responseTimeout the longest silence while waiting for a reply, or while the server takes no body data
 * @param maxConnections how many connections to the server may be open at once (one per parallel upload)
 */
public record ClientSettings(String userAgent, Duration connectTimeout, Duration responseTimeout, int maxConnections) {

    /** Settings for one upload at a time. */
    public ClientSettings(String userAgent, Duration connectTimeout, Duration responseTimeout) {
        this(userAgent, connectTimeout, responseTimeout, 1);
    }
}
