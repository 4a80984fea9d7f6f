package io.github.forgemaven.registry;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.registry.http.ClientSettings;
import io.github.forgemaven.registry.http.Credentials;
import io.github.forgemaven.registry.http.HttpFailure;
import io.github.forgemaven.registry.http.ServerVersion;
import io.github.forgemaven.registry.plan.PackageCoordinates;
import io.github.forgemaven.registry.plan.RegistryUrl;
import io.github.forgemaven.registry.plan.UploadFile;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.junit.jupiter.api.Test;

class FailureHintsTest {

    private static final PackageCoordinates TARGET =
            new PackageCoordinates(RegistryUrl.parse("https://git.example.com"), "acme", "app", "1.0");
    private static final UploadFile FILE =
            new UploadFile("app-1.0.jar", Path.of("app-1.0.jar"), "main artifact", 3 << 20);
    private static final Credentials CREDENTIALS =
            Credentials.basic("deployer", "s3cret-token", "<server> 'forge' in settings.xml");
    private static final ClientSettings SETTINGS =
            new ClientSettings("ua", Duration.ofSeconds(7), Duration.ofSeconds(42));

    private static String hint(int status, boolean challenged, String body) {
        return hint(status, challenged, body, CREDENTIALS);
    }

    private static String hint(int status, boolean challenged, String body, Credentials credentials) {
        HttpFailure failure =
                new HttpFailure("PUT", TARGET.fileUri(FILE.fileName()), status, "", challenged, null, body, null);
        String hint = FailureHints.forResponse(failure, TARGET, FILE, credentials);
        assertTrue(!hint.contains("s3cret-token"), hint);
        return hint;
    }

    @Test
    void a401ForAPasswordAloneSaysItWentAsATokenAndThatAPasswordNeedsAUsername() {
        String hint = hint(
                401, false, "authGroup.Verify", Credentials.token("s3cret-token", "<server> 'forge' in settings.xml"));
        assertTrue(
                hint.contains("<server> 'forge' in settings.xml, sent as a token: a <server> without <username> sends"
                        + " its <password> as a token, and this one is not shaped like an access token"),
                hint);
        assertTrue(hint.contains("if it is, add <username> (your user name) to that <server>."), hint);
        assertTrue(hint.contains("write:package"), hint);

        String tokenShaped = hint(
                401,
                false,
                "authGroup.Verify",
                Credentials.token("0badc0ffee0badc0ffee0badc0ffee0badc0ffee", "<server> 'forge' in settings.xml"));
        assertTrue(
                tokenShaped.contains("If it is an account password, add <username> (your user name) to that <server>;"
                        + " if it is a token, it is wrong, expired or revoked."),
                tokenShaped);
    }

    @Test
    void a401ForAnAuthorizationHeaderNamesTheHeaderNotThePassword() {
        String hint = hint(
                401,
                false,
                "authGroup.Verify",
                Credentials.header("token s3cret-token", "<server> 'forge' in settings.xml"));
        assertTrue(
                hint.startsWith(
                        "The server did not accept the Authorization header in the"
                                + " <configuration><httpHeaders> of <server> 'forge' in settings.xml: the token in it is wrong"),
                hint);
        assertTrue(hint.contains("set that header's <value> to 'token ' followed by the token"), hint);

        String noScheme = hint(
                401, false, "authGroup.Verify", Credentials.header("s3cret-token", "<server> 'forge' in settings.xml"));
        assertTrue(noScheme.contains("its <value> does not start with 'token ', 'Bearer ' or 'Basic '"), noScheme);
    }

    @Test
    void a401WithoutChallengeMeansTheCredentialsThemselvesAreWrong() {
        String hint = hint(401, false, "authGroup.Verify");
        assertTrue(hint.contains("did not accept the credentials of <server> 'forge' in settings.xml"), hint);
        assertTrue(hint.contains("username 'deployer'"), hint);
        assertTrue(hint.contains("write:package"), hint);
    }

    @Test
    void a401WithChallengeMeansScopeAccessOrJobToken() {
        String hint = hint(401, true, "reqPackageAccess");
        assertTrue(hint.contains("does not let it publish packages for owner 'acme'"), hint);
        assertTrue(hint.contains("lacks the write:package scope"), hint);
        assertTrue(hint.contains("Packages unit with write access"), hint);
        assertTrue(hint.contains("CI job token"), hint);
    }

    @Test
    void badRequestsNameTheRuleThatWasBroken() {
        assertTrue(hint(400, false, "invalid package name").contains("set <packageName>"));
        assertTrue(hint(400, false, "invalid filename").contains("file name 'app-1.0.jar'"));
        assertTrue(hint(400, false, "invalid package version").contains("set <packageVersion>"));
        assertTrue(hint(400, false, "Invalid package name or filename").contains("older than Gitea 1.22"));
    }

    @Test
    void quotaAndSizeLimitsNameTheServerSetting() {
        assertTrue(hint(403, false, "maximum allowed package type size exceeded")
                .contains("'app-1.0.jar' (3.0 MiB) is larger than this server allows for one generic package"
                        + " file ([packages] LIMIT_SIZE_GENERIC)"));
        assertTrue(hint(403, false, "maximum allowed package storage quota exceeded")
                .contains("LIMIT_TOTAL_OWNER_SIZE"));
        assertTrue(hint(403, false, "maximum allowed package count exceeded").contains("LIMIT_TOTAL_OWNER_COUNT"));
        assertTrue(hint(403, false, "reqToken").contains("public-only"));
        assertTrue(hint(413, false, "413 Request Entity Too Large").contains("client_max_body_size"));
        assertTrue(hint(413, false, "enforcePackagesQuota").contains("Forgejo storage quota"));
    }

    @Test
    void notFoundPointsAtOwnerAndBaseUrl() {
        String hint = hint(404, false, "Not found.");
        assertTrue(hint.contains("owner 'acme' does not exist"), hint);
        assertTrue(hint.contains("<url> is not the server's root address"), hint);
    }

    private static String notFoundAt(String url, Optional<ServerVersion> server) {
        PackageCoordinates target = new PackageCoordinates(RegistryUrl.parse(url), "acme", "app", "1.0");
        HttpFailure failure =
                new HttpFailure("PUT", target.fileUri(FILE.fileName()), 404, "", false, null, "Not Found", null);
        return FailureHints.forResponse(failure, target, FILE, CREDENTIALS, server, null);
    }

    @Test
    void aNotFoundWhereNoVersionEndpointAnsweredSaysNoServerIsThereAndDropsTheOwnerFromTheUrl() {
        String ownerInUrl = notFoundAt("https://git.example.com/acme", Optional.empty());
        assertTrue(
                ownerInUrl.startsWith("No Forgejo or Gitea answers at <url> (forge.url) 'https://git.example.com/acme':"
                        + " neither https://git.example.com/acme/api/v1/version nor"
                        + " https://git.example.com/acme/api/forgejo/v1/version answered"),
                ownerInUrl);
        assertTrue(
                ownerInUrl.endsWith("Its path ends with the owner 'acme', which belongs in <owner> alone: set"
                        + " <url>https://git.example.com</url>."),
                ownerInUrl);
        assertTrue(notFoundAt("https://example.com/gitea/ACME", Optional.empty())
                .endsWith("set <url>https://example.com/gitea</url>."));
        String otherPath = notFoundAt("https://git.example.com/web", Optional.empty());
        assertTrue(
                otherPath.endsWith("if the server is at the root of git.example.com, set"
                        + " <url>https://git.example.com</url>."),
                otherPath);
        assertTrue(notFoundAt("https://git.example.com", Optional.empty()).contains("opens the server's web UI"));
    }

    @Test
    void aNotFoundFromAServerThatAnswersItsVersionIsTheOwnerOrDisabledPackages() {
        String hint = notFoundAt("https://git.example.com", Optional.of(new ServerVersion("Gitea", "1.25.3")));
        assertTrue(hint.contains("although Gitea 1.25.3 answers there. Either owner 'acme' does not exist"), hint);
        assertTrue(hint.contains("[packages] ENABLED=false"), hint);
    }

    @Test
    void otherStatusesEachGetTheirCause() {
        assertTrue(hint(405, false, "").contains("reverse proxy"));
        assertTrue(hint(409, false, "package file already exists")
                .contains("'app-1.0.jar' already exists in acme/app/1.0"));
        assertTrue(hint(500, false, "").contains("internal error"));
        assertTrue(hint(502, false, "").contains("gateway"));
        HttpFailure redirect =
                new HttpFailure("PUT", TARGET.fileUri("x"), 301, "", false, "https://git.example.com/x", "", null);
        assertTrue(FailureHints.forResponse(redirect, TARGET, FILE, CREDENTIALS)
                .contains("redirected the upload to https://git.example.com/x"));
    }

    @Test
    void networkFailuresSayWhatToCheck() {
        URI uri = URI.create("https://git.example.com:8443/api/packages/acme/generic/app/1.0/app-1.0.jar");
        assertTrue(
                transport(new UnknownHostException("git.example.com"), uri).contains("'git.example.com' is unknown"));
        assertTrue(transport(new ConnectException("Connection refused"), uri)
                .contains("Nothing accepted a connection at git.example.com:8443"));
        assertTrue(transport(new ConnectTimeoutException("x"), uri).contains("connect timeout of 7 s"));
        assertTrue(transport(new SocketTimeoutException("Read timed out"), uri)
                .contains("nothing for 42 s, the response timeout"));
        assertTrue(transport(new SSLHandshakeException("PKIX path building failed"), uri)
                .contains("javax.net.ssl.trustStore"));
    }

    private static String transport(IOException e, URI uri) {
        return FailureHints.forTransport(e, uri, SETTINGS);
    }
}
