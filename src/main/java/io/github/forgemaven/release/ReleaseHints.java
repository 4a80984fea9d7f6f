package io.github.forgemaven.release;

import io.github.forgemaven.registry.Sizes;
import io.github.forgemaven.registry.http.Credentials;
import io.github.forgemaven.registry.http.HttpFailure;
import io.github.forgemaven.registry.http.ServerVersion;
import io.github.forgemaven.registry.plan.Parameter;
import java.util.Locale;
import java.util.Optional;

/**
 * Explains a failed releases-API request in terms of what to change, from the servers' behaviour
 * (see the project's releases API notes): which token scope, which permission, which setting.
 */
final class ReleaseHints {

    /** Which request of the run failed. */
    enum Step {
        LOOKUP,
        CREATE,
        UPLOAD,
        PUBLISH,
        DELETE
    }

    /** The token a release needs, for the hints that say to create one. */
    static final String CREATE_TOKEN = "Create a personal access token with the write:repository scope (user settings"
            + " > Applications; releases need write:repository, packages write:package: a token for both goals needs"
            + " both)";

    private ReleaseHints() {}

    static String forFailure(
            HttpFailure failure,
            Step step,
            ReleasePlan plan,
            Credentials credentials,
            Optional<ServerVersion> server,
            long bodyBytes) {
        String body = failure.bodyExcerpt().toLowerCase(Locale.ROOT);
        String repo = plan.describe();
        return switch (failure.status()) {
            case 401 -> credentials.refusedHint(CREATE_TOKEN);
            case 403 ->
                body.contains("scope")
                        ? "The token lacks the write:repository scope that releases need (packages need write:package:"
                                + " a token for both goals needs both). Create a token with write:repository and"
                                + " write:package and put it in " + credentials.source() + "."
                        : credentials.who() + " may not write to the releases of " + repo + ": give the account write"
                                + " access to the repository (with its Releases unit enabled), or use another account's"
                                + " token.";
            case 404 ->
                step == Step.CREATE
                        ? "The server does not know the target commit " + plan.target() + " in " + repo
                                + ": push the commit the build was made from (git push) before releasing."
                        : "The server does not know " + repo + " (or the release vanished): check "
                                + Parameter.OWNER.element() + " and" + " " + Parameter.REPOSITORY.element()
                                + ", and that " + credentials.who() + " can see the repository.";
            case 409 ->
                "A release for tag " + plan.tag() + " already exists on " + repo + " (maybe a draft, and the"
                        + " server compares tags ignoring case, so 'V1.0' and 'v1.0' are the same), but this token cannot"
                        + " see it: use a token with write:repository of an account with write access, or delete that"
                        + " release on the server.";
            case 422 ->
                body.contains("empty")
                        ? repo + " is empty: push its commits before creating a release."
                        : body.contains("protect")
                                ? "Tag " + plan.tag() + " is protected in " + repo + ": let " + credentials.who()
                                        + " create it (repository settings, Tags), or push the tag yourself first."
                                : "The server refused the release's fields: check " + Parameter.TAG.element() + ", "
                                        + Parameter.TITLE.element() + " and " + Parameter.NOTES.element() + ".";
            case 413 -> tooLarge(body, server, bodyBytes);
            default ->
                failure.status() >= 500
                        ? step == Step.PUBLISH
                                ? publishFailed(body, plan, credentials)
                                : "The server failed; try again later. If it keeps failing, its log says why."
                        : "Unexpected answer; check " + Parameter.URL.element() + ", " + Parameter.OWNER.element()
                                + " and " + Parameter.REPOSITORY.element() + ".";
        };
    }

    /**
     * Publishing a draft makes its git tag from the stored target, and the servers answer every failure of that
     * with a 500 (releases API notes §4.1): a protected tag, a target they cannot resolve, an archived repository.
     */
    private static String publishFailed(String body, ReleasePlan plan, Credentials credentials) {
        String tagCommand = "git tag " + plan.tag() + " " + plan.target() + " && git push origin " + plan.tag();
        if (body.contains("protect")) {
            return "Tag " + plan.tag() + " is protected in " + plan.describe() + ", and publishing the release would"
                    + " create it: let " + credentials.who() + " create it (repository settings, Tags), or push the"
                    + " tag yourself (" + tagCommand + "), then run the build again.";
        }
        return "Publishing the release creates tag " + plan.tag() + " at commit " + plan.target() + ", and the server"
                + " failed doing so: it does when the tag is protected (repository settings, Tags), the commit is not"
                + " in the repository, or the repository is archived. Push the tag yourself (" + tagCommand + "),"
                + " or fix the cause the server's log names, then run the build again.";
    }

    private static String tooLarge(String body, Optional<ServerVersion> server, long bytes) {
        if (body.contains("quota")) {
            return "The owner's storage quota on the server is used up: free space or ask the admin to raise the"
                    + " quota.";
        }
        if (body.startsWith("{") || body.contains("exceeds limit")) {
            String setting = server.filter(v -> !v.isForgejo() && !v.atLeast(1, 26))
                    .map(v -> "[attachment] MAX_SIZE")
                    .orElse("[repository.release] FILE_MAX_SIZE");
            return "The server's limit for release assets is below " + Sizes.format(bytes) + ": ask its admin to"
                    + " raise " + setting + " (in MiB) in app.ini, or attach a smaller file.";
        }
        return "Something in front of the server (a reverse proxy) refused a body of " + Sizes.format(bytes)
                + ": raise its body size limit (nginx: client_max_body_size), or attach a smaller file.";
    }
}
