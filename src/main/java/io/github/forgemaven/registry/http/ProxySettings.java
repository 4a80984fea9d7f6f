package io.github.forgemaven.registry.http;

/**
 * The HTTP proxy that every request of a client goes through. The front end chooses it for the registry's
 * URL (Maven: its session's proxy selector, which applies {@code <nonProxyHosts>}); the core never
 * second-guesses that choice.
 *
 * @param host the proxy's host name or address
 * @param port the proxy's port
 * @param username the proxy user, or {@code null} when the proxy needs no credentials
 * @param password the proxy password, or {@code null}; never printed, not even by {@link #toString()}
 * @param source where the proxy came from, in the user's words, e.g. {@code <proxy> 'corp' in settings.xml}
 */
public record ProxySettings(String host, int port, String username, String password, String source) {

    /** A proxy described by its address. */
    public ProxySettings(String host, int port, String username, String password) {
        this(host, port, username, password, "proxy " + host + ":" + port);
    }

    /** Whether requests carry proxy credentials. */
    public boolean hasCredentials() {
        return username != null && !username.isEmpty();
    }

    /** {@code host:port}. */
    public String address() {
        return host + ":" + port;
    }

    /** The source and the address, e.g. {@code <proxy> 'corp' in settings.xml (proxy.example.com:3128)}. */
    public String describe() {
        return source + " (" + address() + ")";
    }

    @Override
    public String toString() {
        return "ProxySettings[host=" + host + ", port=" + port + ", username=" + username + ", password="
                + (password == null ? "null" : "****") + ", source=" + source
                + "]";
    }
}
