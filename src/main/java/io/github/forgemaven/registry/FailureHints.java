package io.github.forgemaven.registry;

import io.github.forgemaven.registry.http.ClientSettings;
import io.github.forgemaven.registry.http.Credentials;
import io.github.forgemaven.registry.http.HttpFailure;
import io.github.forgemaven.registry.http.ProxySettings;
import io.github.forgemaven.registry.http.ServerVersion;
import io.github.forgemaven.registry.plan.NamingRules;
import io.github.forgemaven.registry.plan.PackageCoordinates;
import io.github.forgemaven.registry.plan.Parameter;
import io.github.forgemaven.registry.plan.UploadFile;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * Explains a failed request in terms of what to change: which setting, which token scope, which
 * server setting. The facts come from the servers' source (see the project's API notes).
 */
public final class FailureHints {

    private FailureHints() {}

    /** A line naming the server's product and version for a failure report, or nothing when unknown. */
    public static String serverFact(Optional<ServerVersion> server) {
        return server.map(v -> System.lineSeparator() + "  Server: " + v + ".").orElse("");
    }

    /** What a failure status most likely means for this upload, and how to fix it. */
    public static String forResponse(
            HttpFailure failure, PackageCoordinates target, UploadFile file, Credentials credentials) {
        return forResponse(failure, target, file, credentials, Optional.empty(), null, false);
    }

    /**
     * Like {@link #forResponse(HttpFailure, PackageCoordinates, UploadFile, Credentials)}, with the
     * facts of the server's product and version where they change the explanation, and naming the
     * proxy of {@code settings} (may be {@code null}) when the request went through it.
     *
     * @param server what the server's version endpoints said when asked: empty when neither answered
     */
    public static String forResponse(
            HttpFailure failure,
            PackageCoordinates target,
            UploadFile file,
            Credentials credentials,
            Optional<ServerVersion> server,
            ClientSettings settings) {
        return forResponse(failure, target, file, credentials, server, settings, true);
    }

    private static String forResponse(
            HttpFailure failure,
            PackageCoordinates target,
            UploadFile file,
            Credentials credentials,
            Optional<ServerVersion> server,
            ClientSettings settings,
            boolean asked) {
        ProxySettings proxy =
                settings == null ? null : settings.proxyFor(failure.uri()).orElse(null);
        if (failure.status() == 407) {
            return proxyAuthentication(proxy);
        }
        // A 404 where no version endpoint answered: whatever answered is not Forgejo or Gitea at this <url>.
        String hint = failure.status() == 404 && asked && server.isEmpty()
                ? noServerAt(target)
                : forServer(failure, target, file, credentials, server);
        if (proxy != null && failure.status() >= 502 && failure.status() <= 504) {
            hint += " The request went through " + proxy.describe() + ": the proxy may not reach "
                    + target.registry().base().getHost() + " (add it to the proxy's <nonProxyHosts> if it should be"
                    + " reached directly).";
        }
        return hint;
    }

    private static String forServer(
            HttpFailure failure,
            PackageCoordinates target,
            UploadFile file,
            Credentials credentials,
            Optional<ServerVersion> server) {
        String body = failure.bodyExcerpt().toLowerCase(Locale.ROOT);
        if (failure.status() == 413 && server.isPresent() && !body.contains("enforcepackagesquota")) {
            return server.get().isForgejo() && server.get().atLeast(9, 0)
                    ? generic(failure, target, file, credentials)
                    : "Something in front of the server refused a body of " + Sizes.format(file.size()) + ": "
                            + server.get() + " never answers 413 for generic packages itself, so it is a reverse"
                            + " proxy's body limit (nginx's client_max_body_size defaults to 1 MB; Apache has"
                            + " LimitRequestBody). Raise it for " + target.registry() + ".";
        }
        if (failure.status() == 404 && server.isPresent()) {
            String base = target.registry().toString();
            // The version endpoints answered at <url>, so it is the server's root: the owner, or packages are off.
            return "Nothing at " + failure.uri().getRawPath() + " on " + base + " accepts packages, although "
                    + server.get() + " answers there. Either owner '" + target.owner() + "' does not exist there (set "
                    + Parameter.OWNER.element() + " to the user or organisation name as it appears in " + base + "/"
                    + target.owner() + "), or the server has packages disabled ([packages] ENABLED=false in app.ini).";
        }
        if (failure.status() == 400
                && body.contains("invalid filename")
                && server.isPresent()
                && !(server.get().isForgejo()
                        ? server.get().atLeast(7, 0)
                        : server.get().atLeast(1, 22))) {
            return server.get() + " allows only A-Z a-z 0-9 . _ - + in file names (the wider rule came with Gitea 1.22"
                    + " and Forgejo 7): rename '" + file.fileName() + "' with " + Parameter.FILE_NAMES.element()
                    + ", or upgrade the server.";
        }
        return generic(failure, target, file, credentials);
    }

    private static String generic(
            HttpFailure failure, PackageCoordinates target, UploadFile file, Credentials credentials) {
        String body = failure.bodyExcerpt().toLowerCase(Locale.ROOT);
        String base = target.registry().toString();
        return switch (failure.status()) {
            case 301, 302, 303, 307, 308 ->
                "The server redirected the upload to " + failure.location()
                        + ". An upload is never followed to another address (it would carry your credentials):"
                        + " set " + Parameter.URL.element()
                        + " to the address the server wants, usually https:// instead of http://.";
            case 400 -> badRequest(body, target, file);
            case 401 -> failure.challenged() ? noPermission(target, credentials) : badCredentials(credentials);
            case 403 -> forbidden(body, target, file);
            case 404 ->
                "Nothing at " + failure.uri().getRawPath() + " on " + base + " accepts packages. Either owner '"
                        + target.owner() + "' does not exist there (set " + Parameter.OWNER.element()
                        + " to the user or organisation name as it"
                        + " appears in " + base + "/" + target.owner() + "), or " + Parameter.URL.element()
                        + " is not the server's root address"
                        + " (it must open the web UI, e.g. https://codeberg.org or https://example.com/gitea), or the"
                        + " server has packages disabled ([packages] ENABLED=false in app.ini).";
            case 405 ->
                "The server does not allow PUT at this address. Forgejo and Gitea accept PUT on"
                        + " /api/packages/..., so the request reached something else: check that "
                        + Parameter.URL.element() + " (" + base
                        + ") opens the Forgejo or Gitea web UI, and that no reverse proxy in front of it rewrites or"
                        + " refuses PUT requests.";
            case 409 ->
                "'" + file.fileName() + "' already exists in " + target.describe() + " (file names are"
                        + " compared ignoring case, and the generic registry never overwrites a file). Release a new"
                        + " version, or delete the file (or the whole version) under the owner's Packages page and deploy"
                        + " again.";
            case 413 ->
                body.contains("enforcepackagesquota")
                        ? "Owner '" + target.owner() + "' (or the uploading user) is over its Forgejo storage quota."
                                + " Delete old package versions or ask an administrator to raise the [quota] limits."
                        : "Something on the way refused a body of " + Sizes.format(file.size()) + ". Usually that is a"
                                + " reverse proxy's body limit in front of the server (nginx's client_max_body_size"
                                + " defaults to 1 MB; Apache has LimitRequestBody): raise it for " + base
                                + ". On Forgejo 9+ it can also be the owner's storage quota.";
            case 429 -> "The server (or a proxy) is limiting the request rate. Wait and deploy again.";
            case 500 ->
                "The server failed with an internal error; its log has the cause (administrators see it in"
                        + " the reply too). If it was temporary, deploying again will work.";
            case 502, 503, 504 ->
                "A gateway in front of the server got no proper answer from it (the server is down,"
                        + " restarting or too slow). Deploy again once " + base + " is reachable.";
            default ->
                failure.status() >= 500
                        ? "The server failed; its log has the cause."
                        : "The server refused the request; see its reply above.";
        };
    }

    private static String noServerAt(PackageCoordinates target) {
        URI base = target.registry().base();
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        String hint = "No Forgejo or Gitea answers at " + Parameter.URL + " '" + base + "': neither " + base
                + "/api/v1/version nor " + base + "/api/forgejo/v1/version answered, so nothing there accepts"
                + " packages.";
        if (path.isEmpty()) {
            return hint + " Set " + Parameter.URL.element() + " to the address that opens the server's web UI (e.g."
                    + " https://codeberg.org or https://example.com/gitea), and check that no reverse proxy in front of"
                    + " it hides /api/.";
        }
        String parent = base.getScheme() + "://" + base.getRawAuthority() + path.substring(0, path.lastIndexOf('/'));
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.equalsIgnoreCase(target.owner())) {
            return hint + " Its path ends with the owner '" + target.owner() + "', which belongs in "
                    + Parameter.OWNER.element() + " alone: set " + Parameter.URL.set(parent) + ".";
        }
        String root = base.getScheme() + "://" + base.getRawAuthority();
        return hint + " A path belongs in " + Parameter.URL.element() + " only when the web UI itself lives under it"
                + " (e.g. https://example.com/gitea): if the server is at the root of " + base.getHost() + ", set "
                + Parameter.URL.set(root) + ".";
    }

    /** What a network failure most likely means, and how to fix it. */
    public static String forTransport(IOException error, URI uri, ClientSettings settings) {
        ProxySettings proxy = settings.proxyFor(uri).orElse(null);
        if (proxy != null) {
            // Through a proxy, the only connection the client opens itself is the one to the proxy.
            String via = proxy.describe() + ", which requests to " + uri.getHost() + " go through";
            if (error instanceof UnknownHostException) {
                return "The host name of " + via + ", is unknown: check the <host> of that <proxy>, or add "
                        + uri.getHost() + " to its <nonProxyHosts> if it should be reached directly.";
            }
            if (error instanceof ConnectTimeoutException) {
                return "No connection to " + via + ", within the connect timeout of "
                        + settings.connectTimeout().toSeconds() + " s (" + Parameter.CONNECT_TIMEOUT.element()
                        + "): check that <proxy>'s"
                        + " <host> and <port>, or whether it is <active> by mistake.";
            }
            if (error instanceof HttpHostConnectException
                    || error instanceof ConnectException
                    || error instanceof NoRouteToHostException) {
                return "Nothing accepted a connection at " + via + ": check that the proxy is running and that"
                        + " <proxy>'s <host> and <port> are right, or set <active>false</active> if it is not"
                        + " needed here.";
            }
        }
        String hint = forDirectTransport(error, uri, settings);
        return proxy == null ? hint : hint + " (The request went through " + proxy.describe() + ".)";
    }

    private static String forDirectTransport(IOException error, URI uri, ClientSettings settings) {
        String host = uri.getHost();
        String hostPort = host + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        if (error instanceof UnknownHostException) {
            return "The host name '" + host + "' is unknown: check " + Parameter.URL.element()
                    + " for typos, and this machine's DNS.";
        }
        if (error instanceof ConnectTimeoutException) {
            return "No connection to " + hostPort + " within the connect timeout of "
                    + settings.connectTimeout().toSeconds() + " s (" + Parameter.CONNECT_TIMEOUT.element() + "): check "
                    + Parameter.URL.element() + ", and whether a"
                    + " firewall or proxy is in the way.";
        }
        if (error instanceof HttpHostConnectException
                || error instanceof ConnectException
                || error instanceof NoRouteToHostException) {
            return "Nothing accepted a connection at " + hostPort + ": check that the server is running and that" + " "
                    + Parameter.URL.element() + " has the right host and port.";
        }
        if (error instanceof SSLException) {
            String trust = "If the server's certificate comes from a private CA, import the CA's certificate into a"
                    + " trust store (keytool -importcert) and run Maven with MAVEN_OPTS=\"-Djavax.net.ssl.trustStore="
                    + "/path/to/truststore.p12 -Djavax.net.ssl.trustStorePassword=...\".";
            String clientCertificate = "If the server requires a client certificate (mutual TLS), give its key store"
                    + " with MAVEN_OPTS=\"-Djavax.net.ssl.keyStore=/path/to/client.p12"
                    + " -Djavax.net.ssl.keyStorePassword=...\".";
            String message = String.valueOf(error.getMessage());
            boolean refusedUs = message.contains("certificate_required") || message.contains("bad_certificate");
            return "The TLS handshake with " + hostPort + " failed (" + message + "). "
                    + (refusedUs ? clientCertificate + " " + trust : trust + " " + clientCertificate);
        }
        if (error instanceof SocketTimeoutException || error instanceof InterruptedIOException) {
            return "The server sent nothing for " + settings.responseTimeout().toSeconds() + " s, the response"
                    + " timeout (" + Parameter.RESPONSE_TIMEOUT.element()
                    + "). Raise it for a slow server, or check the server's health.";
        }
        if (error instanceof NoHttpResponseException) {
            return "The server closed the connection without answering: a proxy in front of it, or the server"
                    + " restarting. Deploy again; if it persists, check the proxy's limits and logs.";
        }
        return "The connection to " + hostPort + " failed: " + error + ".";
    }

    private static String proxyAuthentication(ProxySettings proxy) {
        if (proxy == null) {
            return "A proxy on the way asks for credentials (HTTP 407 Proxy Authentication Required). Add a <proxy>"
                    + " with its <host>, <port>, <username> and <password> to the <proxies> of settings.xml.";
        }
        if (!proxy.hasCredentials()) {
            return "The proxy " + proxy.describe() + " asks for credentials (HTTP 407 Proxy Authentication"
                    + " Required): add <username> and <password> to that <proxy> in settings.xml (an encrypted"
                    + " password works).";
        }
        return "The proxy " + proxy.describe() + " did not accept the credentials of user '" + proxy.username()
                + "' (HTTP 407 Proxy Authentication Required): fix the <username> and <password> of that <proxy> in"
                + " settings.xml (an encrypted password works).";
    }

    private static String badRequest(String body, PackageCoordinates target, UploadFile file) {
        if (body.contains("invalid package name or filename")) {
            return "This server is older than Gitea 1.22 / Forgejo 7 and allows only A-Z a-z 0-9 . _ - + in package"
                    + " and file names: rename package '" + target.packageName() + "' or file '" + file.fileName()
                    + "', or upgrade the server.";
        }
        if (body.contains("invalid package name")) {
            return "The server refused package name '" + target.packageName() + "': set "
                    + Parameter.PACKAGE_NAME.element() + " to a name of " + NamingRules.PACKAGE_NAME_RULE + ".";
        }
        if (body.contains("invalid filename")) {
            return "The server refused file name '" + file.fileName() + "': file names may contain "
                    + NamingRules.FILE_NAME_RULE + ".";
        }
        if (body.contains("invalid package version")) {
            return "The server refused version '" + target.packageVersion() + "': set "
                    + Parameter.PACKAGE_VERSION.element() + " to a version"
                    + " without leading or trailing whitespace.";
        }
        if (body.contains("version already exists")) {
            return "This server (Gitea 1.17) allows only one file per package version. Upgrade the server to"
                    + " publish several files in one version.";
        }
        return "The server refused the request as malformed; its reply above says why.";
    }

    private static final String CREATE_TOKEN =
            "Create a personal access token with the write:package scope (user settings > Applications)";

    private static String badCredentials(Credentials credentials) {
        return credentials.refusedHint(CREATE_TOKEN);
    }

    private static String noPermission(PackageCoordinates target, Credentials credentials) {
        return "The server knows " + credentials.who() + " (" + credentials.source() + ") but does not"
                + " let it publish packages for owner '" + target.owner() + "'. One of these applies:"
                + " the token lacks the write:package scope (create a token with write:package);"
                + " the user has no write access to the packages of '" + target.owner() + "' (for an organisation, a"
                + " team the user is in needs the Packages unit with write access);"
                + " the token is a CI job token (GITEA_TOKEN, FORGEJO_TOKEN or GITHUB_TOKEN of an Actions job),"
                + " which cannot publish packages: store a personal access token as a CI secret and use that;"
                + " or the account is inactive.";
    }

    private static String forbidden(String body, PackageCoordinates target, UploadFile file) {
        if (body.contains("type size exceeded")) {
            return "'" + file.fileName() + "' (" + Sizes.format(file.size()) + ") is larger than this server allows"
                    + " for one generic package file ([packages] LIMIT_SIZE_GENERIC). Ask an administrator to raise it.";
        }
        if (body.contains("storage quota exceeded")) {
            return "Owner '" + target.owner() + "' has used up its package storage ([packages] LIMIT_TOTAL_OWNER_SIZE):"
                    + " delete old package versions, or ask an administrator to raise the limit.";
        }
        if (body.contains("count exceeded")) {
            return "Owner '" + target.owner() + "' has reached its number of package versions ([packages]"
                    + " LIMIT_TOTAL_OWNER_COUNT): delete old versions, or ask an administrator to raise the limit.";
        }
        if (body.contains("reqtoken")) {
            return "The token is limited to public resources, and owner '" + target.owner() + "' is not public."
                    + " Create a token without the public-only restriction.";
        }
        return "The server refused the upload for owner '" + target.owner() + "'; its reply above says why.";
    }
}
