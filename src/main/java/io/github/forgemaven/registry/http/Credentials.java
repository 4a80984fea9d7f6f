package io.github.forgemaven.registry.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What proves the uploader's identity: the value of the {@code Authorization} header, and where it
 * came from. Never printed: {@link #toString()} names only the user and the source.
 *
 * @param username the account name, or {@code null} when only a token (or a ready header) is known
 * @param authorization the {@code Authorization} header value
 * @param source where the credentials came from, in the user's words, e.g. {@code <server> 'forge' in settings.xml}
 * @param form how they are sent, in words, e.g. {@code HTTP Basic} (for the log line that names the source)
 */
public record Credentials(String username, String authorization, String source, String form) {

    /** A user name and its token or password, sent as HTTP Basic: accepted by every Forgejo and Gitea version. */
    public static Credentials basic(String username, String secret, String source) {
        return new Credentials(username, "Basic " + base64(username + ":" + secret), source, "HTTP Basic");
    }

    /**
     * A token without a user name, sent as HTTP Basic with the token as user name and an empty
     * password, which both servers read as "the user name is a token".
     */
    public static Credentials token(String token, String source) {
        return new Credentials(
                null, "Basic " + base64(token + ":"), source, "a token (HTTP Basic, token as user name)");
    }

    /** An {@code Authorization} header given whole, as Gitea's Maven registry documentation has people write it. */
    public static Credentials header(String value, String source) {
        return new Credentials(null, value, source, "its Authorization header");
    }

    /** {@code user 'deployer'}, or {@code a token} when no user name is known; for messages. */
    public String who() {
        return username == null ? "a token" : "user '" + username + "'";
    }

    @Override
    public String toString() {
        return "Credentials[" + who() + ", source=" + source + ", authorization=****]";
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
