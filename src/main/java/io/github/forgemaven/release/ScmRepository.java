package io.github.forgemaven.release;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository a POM's {@code <scm>} names, when it is on the forge the release goes to. */
public final class ScmRepository {

    private static final Pattern SCP = Pattern.compile("^(?:[^@/]+@)?([^:/]+):(?!//)(.+)$");

    private ScmRepository() {}

    /**
     * The repository name in an SCM URL ({@code scm:git:https://host/owner/repo.git},
     * {@code scm:git:ssh://git@host:2222/owner/repo.git}, {@code scm:git:git@host:owner/repo.git} or a
     * plain web URL) when it points at {@code server}'s host and {@code owner}.
     */
    public static Optional<String> of(String scmUrl, URI server, String owner) {
        if (scmUrl == null || scmUrl.isBlank() || server.getHost() == null) {
            return Optional.empty();
        }
        String url = scmUrl.strip();
        if (url.startsWith("scm:")) {
            url = url.substring(4);
            int colon = url.indexOf(':');
            if (colon > 0 && !url.substring(0, colon).contains("/")) {
                String provider = url.substring(0, colon);
                if (!provider.equals("http") && !provider.equals("https") && !provider.equals("ssh")) {
                    url = url.substring(colon + 1);
                }
            }
        }
        String host;
        String path;
        Matcher scp = SCP.matcher(url);
        if (!url.contains("://") && scp.matches()) {
            host = scp.group(1);
            path = scp.group(2);
        } else {
            try {
                URI uri = URI.create(url);
                host = uri.getHost();
                path = uri.getPath();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (host == null || path == null || !host.equalsIgnoreCase(server.getHost())) {
            return Optional.empty();
        }
        String base = server.getPath() == null ? "" : server.getPath();
        if (!base.isEmpty() && path.startsWith(base + "/")) {
            path = path.substring(base.length());
        }
        String[] parts = path.replaceAll("^/+", "").split("/");
        if (parts.length < 2 || !parts[0].equalsIgnoreCase(owner)) {
            return Optional.empty();
        }
        String name = parts[1];
        if (name.toLowerCase(Locale.ROOT).endsWith(".git")) {
            name = name.substring(0, name.length() - 4);
        }
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }
}
