package io.github.forgemaven.registry.http;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How the registry client talks HTTP.
 *
 * @param userAgent the {@code User-Agent}, e.g. {@code forge-maven-plugin/1.0.0}
 * @param connectTimeout the longest wait for a TCP (and TLS) connection
 * @param responseTimeout the longest silence while waiting for a reply, or while the server takes no body data
 * @param maxConnections how many connections to the server may be open at once (one per parallel upload)
 * @param proxy the HTTP proxy every request goes through, or {@code null} to connect directly
 */
public record ClientSettings(
        String userAgent, Duration connectTimeout, Duration responseTimeout, int maxConnections, ProxySettings proxy) {

    /** Settings without a proxy. */
    public ClientSettings(String userAgent, Duration connectTimeout, Duration responseTimeout, int maxConnections) {
        this(userAgent, connectTimeout, responseTimeout, maxConnections, null);
    }

    /** Settings for one upload at a time, without a proxy. */
    public ClientSettings(String userAgent, Duration connectTimeout, Duration responseTimeout) {
        this(userAgent, connectTimeout, responseTimeout, 1);
    }

    /**
     * The proxy a request to this URL goes through. The client talks to one server, and the front end chose
     * the proxy for that server's URL, so it is the same for every request.
     */
    public Optional<ProxySettings> proxyFor(URI uri) {
        return Optional.ofNullable(proxy);
    }
}
