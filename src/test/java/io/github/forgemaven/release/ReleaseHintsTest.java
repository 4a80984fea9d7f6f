package io.github.forgemaven.release;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.forgemaven.registry.http.Credentials;
import io.github.forgemaven.registry.http.HttpFailure;
import io.github.forgemaven.registry.http.ServerVersion;
import io.github.forgemaven.registry.plan.ExistingFilePolicy;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The hint of each failure the releases API can answer, as the servers word it (releases API notes §2, §4). */
class ReleaseHintsTest {

    private static final String SHA = "1c0ffee1c0ffee1c0ffee1c0ffee1c0ffee1c0ff";
    private static final Credentials CREDENTIALS =
            Credentials.basic("deployer", "t0ken", "<server> 'forge' in settings.xml");
    private static final Optional<ServerVersion> GITEA_1_25 = ServerVersion.of(null, "1.25.4");

    private static ReleasePlan plan() throws Exception {
        return ReleasePlan.of(
                new ReleasePlan.Settings(
                        "https://git.example.com",
                        "acme",
                        "app",
                        "v1.0",
                        SHA,
                        null,
                        "",
                        false,
                        false,
                        "SHA256SUMS",
                        ExistingFilePolicy.FAIL,
                        false,
                        false,
                        "app",
                        "1.0",
                        Path.of("target")),
                List.of());
    }

    private static String hint(int status, String body, ReleaseHints.Step step) throws Exception {
        return hint(status, body, step, CREDENTIALS);
    }

    private static String hint(int status, String body, ReleaseHints.Step step, Credentials credentials)
            throws Exception {
        HttpFailure failure = new HttpFailure(
                "POST",
                URI.create("https://git.example.com/api/v1/repos/acme/app/releases"),
                status,
                "",
                false,
                null,
                body,
                null);
        return ReleaseHints.forFailure(failure, step, plan(), credentials, GITEA_1_25, 3_000_000);
    }

    private static final String UNAUTHORIZED = "{\"message\":\"invalid username, password or token\"}";

    /** Deploy-generic's wording of how the credentials were sent, with the token a release needs. */
    @Test
    void a401NamesTheCredentialsAsTheyWereSentAndTheScopeOfAReleaseToken() throws Exception {
        String server = "<server> 'forge' in settings.xml";
        String createToken = "Create a personal access token with the write:repository scope (user settings >"
                + " Applications; releases need write:repository, packages write:package: a token for both goals"
                + " needs both)";
        assertEquals(
                "The server did not accept the credentials of " + server + " (username 'deployer'): the token or"
                        + " password is wrong, expired or revoked, or the user does not exist. " + createToken
                        + " and put it in that <server>'s <password>.",
                hint(401, UNAUTHORIZED, ReleaseHints.Step.LOOKUP));
        assertEquals(
                "The server did not accept the credentials of " + server + ", sent as a token: a <server> without"
                        + " <username> sends its <password> as a token, and this one is not shaped like an access"
                        + " token (40 hexadecimal digits), so it is likely an account password: if it is, add"
                        + " <username> (your user name) to that <server>. Or c" + createToken.substring(1)
                        + " and put it in that <server>'s <password>.",
                hint(401, UNAUTHORIZED, ReleaseHints.Step.LOOKUP, Credentials.token("deployer-Pa55word", server)));
        assertEquals(
                "The server did not accept the Authorization header in the <configuration><httpHeaders> of " + server
                        + ": the token in it is wrong, expired or revoked, or the user does not exist. " + createToken
                        + " and set that header's <value> to 'token ' followed by the token (or 'Basic ' and the"
                        + " base64 of user:token); or remove the header and put the token in that <server>'s"
                        + " <password>, with your user name as <username>.",
                hint(
                        401,
                        UNAUTHORIZED,
                        ReleaseHints.Step.CREATE,
                        Credentials.header("token 0badc0ffee0badc0ffee0badc0ffee0badc0ffee", server)));
    }

    @Test
    void conflictOnCreateMeansAReleaseExistsMaybeADraftMaybeInOtherCase() throws Exception {
        // Gitea and Forgejo up to v11 word it "Release is has no Tag", Forgejo v12 "Release has no Tag"
        String expected = "A release for tag v1.0 already exists on acme/app (maybe a draft, and the server compares"
                + " tags ignoring case, so 'V1.0' and 'v1.0' are the same), but this token cannot see it: use a"
                + " token with write:repository of an account with write access, or delete that release on the"
                + " server.";
        assertEquals(expected, hint(409, "{\"message\":\"Release is has no Tag\"}", ReleaseHints.Step.CREATE));
        assertEquals(expected, hint(409, "{\"message\":\"Release has no Tag\"}", ReleaseHints.Step.CREATE));
    }

    @Test
    void unprocessableOnCreateIsAnEmptyRepositoryOrAProtectedTag() throws Exception {
        assertEquals(
                "acme/app is empty: push its commits before creating a release.",
                hint(422, "{\"message\":\"repo is empty\"}", ReleaseHints.Step.CREATE));
        assertEquals(
                "Tag v1.0 is protected in acme/app: let user 'deployer' create it (repository settings, Tags), or push the"
                        + " tag yourself first.",
                hint(
                        422,
                        "{\"message\":\"release tag name is protected [tag_name: v1.0]\"}",
                        ReleaseHints.Step.CREATE));
        assertEquals(
                "The server refused the release's fields: check <tag>, <title> and <notes>.",
                hint(422, "{\"message\":\"[TagName]: Required\"}", ReleaseHints.Step.CREATE));
    }

    @Test
    void notFoundIsTheTargetCommitOnCreateAndTheRepositoryElsewhere() throws Exception {
        assertEquals(
                "The server does not know the target commit " + SHA + " in acme/app: push the commit the build was"
                        + " made from (git push) before releasing.",
                hint(404, "{\"message\":\"target \\\"" + SHA + "\\\" not found\"}", ReleaseHints.Step.CREATE));
        String repository = "The server does not know acme/app (or the release vanished): check <owner> and"
                + " <repository>, and that user 'deployer' can see the repository.";
        assertEquals(repository, hint(404, "{\"message\":\"not found\"}", ReleaseHints.Step.LOOKUP));
        assertEquals(repository, hint(404, "", ReleaseHints.Step.UPLOAD));
    }

    @Test
    void aFailedPublishNamesWhatMakingTheTagCanTripOn() throws Exception {
        String push = "git tag v1.0 " + SHA + " && git push origin v1.0";
        assertEquals(
                "Tag v1.0 is protected in acme/app, and publishing the release would create it: let user 'deployer' create"
                        + " it (repository settings, Tags), or push the tag yourself (" + push + "), then run the build"
                        + " again.",
                hint(500, "release tag name is protected [tag_name: v1.0]", ReleaseHints.Step.PUBLISH));
        // a non-admin gets a 500 without the cause
        assertEquals(
                "Publishing the release creates tag v1.0 at commit " + SHA + ", and the server failed doing so: it"
                        + " does when the tag is protected (repository settings, Tags), the commit is not in the"
                        + " repository, or the repository is archived. Push the tag yourself (" + push + "), or fix"
                        + " the cause the server's log names, then run the build again.",
                hint(500, "", ReleaseHints.Step.PUBLISH));
        assertEquals(
                "The server failed; try again later. If it keeps failing, its log says why.",
                hint(500, "", ReleaseHints.Step.UPLOAD));
    }

    @Test
    void tooLargeTellsTheServersLimitFromAProxysPage() throws Exception {
        assertEquals(
                "The server's limit for release assets is below 2.9 MiB: ask its admin to raise [attachment] MAX_SIZE"
                        + " (in MiB) in app.ini, or attach a smaller file.",
                hint(413, "{\"message\":\"attachment exceeds limit 1048576\"}", ReleaseHints.Step.UPLOAD));
        assertEquals(
                "Something in front of the server (a reverse proxy) refused a body of 2.9 MiB: raise its body size"
                        + " limit (nginx: client_max_body_size), or attach a smaller file.",
                hint(413, "<html><head><title>413 Request Entity Too Large</title>", ReleaseHints.Step.UPLOAD));
    }
}
