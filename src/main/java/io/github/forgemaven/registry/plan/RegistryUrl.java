package io.github.forgemaven.registry.plan;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The base URL of a Forgejo or Gitea server (a sub-path such as {@code /gitea} is kept) and the
 * package URLs built from it.
 */
public final class RegistryUrl {

    private static final String HEX = "0123456789ABCDEF";

    private final URI base;

    private RegistryUrl(URI base) {
        this.base = base;
    }

    /**
     * Parses a server's base URL.
     *
     * @throws IllegalArgumentException with the broken rule in words
     */
    public static RegistryUrl parse(String url) {
        problemWith(url).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        URI uri = URI.create(url.strip());
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new RegistryUrl(
                URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority() + path));
    }

    /** Returns what is wrong with a base URL, or empty when it can be used. */
    public static Optional<String> problemWith(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("it is empty");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("it is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("it must be an absolute http:// or https:// URL such as https://codeberg.org");
        }
        if (uri.getHost() == null) {
            return Optional.of("it has no host name");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of(
                    "it must not contain a user name or password: put credentials in a <server> of settings.xml");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("it must not have a query (?...) or fragment (#...)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().toLowerCase(Locale.ROOT);
        int api = (path + "/").indexOf("/api/");
        if (api >= 0) {
            return Optional.of("it must be the server's base URL, without '"
                    + uri.getRawPath().substring(api)
                    + "': the plugin adds /api/packages/{owner}/generic/... itself"
                    + " (note that uploads go to /api/packages, not /api/v1/packages)");
        }
        return Optional.empty();
    }

    /**
     * Says why this URL would expose credentials: plain {@code http://} to a host other than this
     * machine sends the token readable to anyone on the way.
     */
    public Optional<String> cleartextProblem() {
        if (!base.getScheme().equals("http") || isLoopback(base.getHost())) {
            return Optional.empty();
        }
        return Optional.of(Parameter.URL + " '" + base + "' would send your token in clear text: use https://, or set"
                + " " + Parameter.ALLOW_INSECURE_HTTP.set("true") + " (" + Parameter.ALLOW_INSECURE_HTTP.userProperty()
                + ") if the network to "
                + base.getHost() + " is trusted.");
    }

    /**
     * The warning for a plain {@code http://} URL to another host that {@code allowInsecureHttp} lets
     * through: the credentials do travel in clear.
     */
    public Optional<String> insecureWarning() {
        if (!base.getScheme().equals("http") || isLoopback(base.getHost())) {
            return Optional.empty();
        }
        return Optional.of(Parameter.ALLOW_INSECURE_HTTP + " is true and " + Parameter.URL + " '" + base
                + "' is plain http://: the credentials go to " + base.getHost() + " unencrypted, readable to anyone on"
                + " the network between. Use https:// as soon as the server offers it.");
    }

    /**
     * The failure for a goal run without a URL, naming both ways to set it: Maven's own says only that the
     * parameter is missing.
     */
    public static String missing() {
        return "No forge URL: set " + Parameter.URL.element() + " in the plugin's <configuration> (e.g. "
                + Parameter.URL.set("https://codeberg.org") + ") or " + Parameter.URL.override("https://codeberg.org")
                + ": the server's base URL, the address that opens its web UI, without /api/...";
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost")
                || h.endsWith(".localhost")
                || h.matches("127(\\.\\d{1,3}){3}")
                || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }

    /** The normalised base URL, without a trailing slash. */
    public URI base() {
        return base;
    }

    /** {@code {base}/api/packages/{owner}/generic/{name}/{version}/{fileName}}, each segment percent-encoded. */
    public URI packageFile(String owner, String packageName, String version, String fileName) {
        return URI.create(base + "/api/packages/" + segment(owner) + "/generic/" + segment(packageName) + "/"
                + segment(version) + "/" + segment(fileName));
    }

    /** {@code {base}/api/v1/packages/{owner}/generic/{name}/{version}/files}: the REST API's listing of a version. */
    public URI filesListing(String owner, String packageName, String version) {
        return URI.create(base + "/api/v1/packages/" + segment(owner) + "/generic/" + segment(packageName) + "/"
                + segment(version) + "/files");
    }

    /** {@code {base}/api/v1/packages/{owner}/generic/{name}/-/link/{repository}}. */
    public URI packageLink(String owner, String packageName, String repository) {
        return URI.create(base + "/api/v1/packages/" + segment(owner) + "/generic/" + segment(packageName) + "/-/link/"
                + segment(repository));
    }

    /**
     * {@code {base}/api/v1/repos/{owner}/{repository}} and then each of {@code path}, each segment
     * percent-encoded (a {@code /} in a tag becomes {@code %2F}, as the servers expect).
     */
    public URI repositoryApi(String owner, String repository, String... path) {
        StringBuilder uri = new StringBuilder(base + "/api/v1/repos/" + segment(owner) + "/" + segment(repository));
        for (String part : path) {
            uri.append('/').append(segment(part));
        }
        return URI.create(uri.toString());
    }

    /**
     * Percent-encodes one path segment (RFC 3986): everything but the unreserved characters is
     * escaped, so spaces, '+', '%' and '#' reach the server as the characters they are.
     */
    static String segment(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
