package io.github.forgemaven.registry.http;

import java.util.regex.Pattern;

/**
 * An HTTP proxy that requests go through, as a {@code <proxy>} of settings.xml describes it.
 *
 * @param host the proxy's host name or address
 * @param port the proxy's port
 * @param username the proxy user, or {@code null} when the proxy needs no credentials
 * @param password the proxy password, or {@code null}; never printed, not even by {@link #toString()}
 * @param nonProxyHosts the hosts reached directly, Maven's syntax: {@code |}-separated patterns where
 *     {@code *} stands for any characters, matched ignoring case, e.g. {@code localhost|*.example.com|10.*};
 *     {@code null} or empty for none
 * @param source where the proxy came from, in the user's words, e.g. {@code <proxy> 'corp' in settings.xml}
 */
public record ProxySettings(
        String host, int port, String username, String password, String nonProxyHosts, String source) {

    /** A proxy described by its address. */
    public ProxySettings(String host, int port, String username, String password, String nonProxyHosts) {
        this(host, port, username, password, nonProxyHosts, "proxy " + host + ":" + port);
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

    /** Whether a host is reached directly: it matches one of the {@link #nonProxyHosts} patterns. */
    public boolean bypasses(String targetHost) {
        return matchesNonProxyHosts(nonProxyHosts, targetHost);
    }

    /** Whether {@code host} matches one of the {@code nonProxyHosts} patterns (Maven's syntax, see below). */
    public static boolean bypasses(String nonProxyHosts, String host) {
        return matchesNonProxyHosts(nonProxyHosts, host);
    }

    /**
     * Maven's {@code nonProxyHosts} rule (maven-resolver's {@code DefaultProxySelector}): patterns separated
     * by {@code |}, {@code *} matches any characters, the whole host must match, case does not matter.
     * Blanks around a pattern are ignored. An IPv6 literal is matched without its brackets.
     */
    static boolean matchesNonProxyHosts(String patterns, String host) {
        if (patterns == null || host == null || host.isEmpty()) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        for (String pattern : patterns.split("\\|")) {
            String p = pattern.strip();
            if (!p.isEmpty() && toRegex(p).matcher(h).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern toRegex(String glob) {
        String[] literals = glob.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < literals.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            if (!literals[i].isEmpty()) {
                regex.append(Pattern.quote(literals[i]));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    @Override
    public String toString() {
        return "ProxySettings[host=" + host + ", port=" + port + ", username=" + username + ", password="
                + (password == null ? "null" : "****") + ", nonProxyHosts=" + nonProxyHosts + ", source=" + source
                + "]";
    }
}
