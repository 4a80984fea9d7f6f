package io.github.forgemaven.registry.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What proves the uploader's identity: the value of the {@code Authorization} header, and where it
 * came from. Never printed: {@link #toString()} names only the user and the source.
 *
 * @param username the account name, or {@code null} when only a token (or a ready header) is known
 * @param authorization the {@code Authorization} header value
 * @param source where the credentials came from, in the user's words, e.g. {@code <server> 'forge' in settings.xml}
 * @param kind how they are sent
 * @param places the settings that hold them, in the user's words, for the fix a refusal's hint gives
 */
public record Credentials(String username, String authorization, String source, Kind kind, Places places) {

    /** A Forgejo or Gitea personal access token: 40 hexadecimal digits. */
    private static final Pattern ACCESS_TOKEN = Pattern.compile("[0-9a-fA-F]{40}");

    /** An OAuth2 access token, which both servers also take as a token: a JWT, three base64url parts. */
    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    /** How the credentials are sent. */
    public enum Kind {
        /** A user name and its token or password, as HTTP Basic. */
        BASIC("HTTP Basic"),
        /** A token without a user name, as HTTP Basic with the token as user name. */
        TOKEN("a token (HTTP Basic, token as user name)"),
        /** An {@code Authorization} header given whole. */
        HEADER("its Authorization header");

        private final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    /**
     * The settings that hold the credentials, in the user's words.
     *
     * @param secret where a token goes, e.g. {@code that <server>'s <password>}
     * @param addUsername how to add a user name, e.g. {@code add <username> (your user name) to that <server>}
     * @param tokenOnly the rule that sends a secret without a user name as a token
     */
    public record Places(String secret, String addUsername, String tokenOnly) {

        /** A {@code <server>} of settings.xml. */
        public static final Places SERVER = new Places(
                "that <server>'s <password>",
                "add <username> (your user name) to that <server>",
                "a <server> without <username> sends its <password> as a token");
    }

    /** A user name and its token or password, sent as HTTP Basic: accepted by every Forgejo and Gitea version. */
    public static Credentials basic(String username, String secret, String source) {
        return basic(username, secret, source, Places.SERVER);
    }

    /** Like {@link #basic(String, String, String)}, kept in {@code places}. */
    public static Credentials basic(String username, String secret, String source, Places places) {
        return new Credentials(username, "Basic " + base64(username + ":" + secret), source, Kind.BASIC, places);
    }

    /**
     * A token without a user name, sent as HTTP Basic with the token as user name and an empty
     * password, which both servers read as "the user name is a token".
     */
    public static Credentials token(String token, String source) {
        return token(token, source, Places.SERVER);
    }

    /** Like {@link #token(String, String)}, kept in {@code places}. */
    public static Credentials token(String token, String source, Places places) {
        return new Credentials(null, "Basic " + base64(token + ":"), source, Kind.TOKEN, places);
    }

    /** An {@code Authorization} header given whole, as Gitea's Maven registry documentation has people write it. */
    public static Credentials header(String value, String source) {
        return new Credentials(null, value, source, Kind.HEADER, Places.SERVER);
    }

    /** How they are sent, in words, e.g. {@code HTTP Basic}: for the log line that names the source. */
    public String form() {
        return kind.words;
    }

    /**
     * The hint for a 401 that refused these credentials themselves, in terms of how they were sent: a
     * secret without a user name went as a token (an account password needs one), a header given whole
     * is that header. One wording for every goal; each names the token it needs.
     *
     * @param createToken the goal's advice for a new token, a sentence without its full stop, e.g.
     *     {@code Create a personal access token with the write:package scope (user settings > Applications)}
     */
    public String refusedHint(String createToken) {
        String lowerCreate = Character.toLowerCase(createToken.charAt(0)) + createToken.substring(1);
        return switch (kind) {
            case TOKEN ->
                "The server did not accept the credentials of " + source + ", sent as a token: " + places.tokenOnly()
                        + (tokenShaped()
                                ? ". If it is an account password, " + places.addUsername()
                                        + "; if it is a token, it is wrong, expired or revoked. " + createToken
                                : ", and this one is not shaped like an access token (40 hexadecimal digits), so it is"
                                        + " likely an account password: if it is, " + places.addUsername() + ". Or "
                                        + lowerCreate)
                        + " and put it in " + places.secret() + ".";
            case HEADER ->
                "The server did not accept the Authorization header in the <configuration><httpHeaders> of " + source
                        + ": "
                        + (knownScheme()
                                ? "the token in it is wrong, expired or revoked, or the user does not exist."
                                : "its <value> does not start with 'token ', 'Bearer ' or 'Basic ', the schemes the"
                                        + " server reads.")
                        + " " + createToken + " and set that header's <value> to 'token ' followed by the token (or"
                        + " 'Basic ' and the base64 of user:token); or remove the header and put the token in that"
                        + " <server>'s <password>, with your user name as <username>.";
            case BASIC ->
                "The server did not accept the credentials of " + source + " (username '" + username + "'): the token"
                        + " or password is wrong, expired or revoked, or the user does not exist. " + createToken
                        + " and put it in " + places.secret() + ".";
        };
    }

    /** {@code user 'deployer'}, or {@code a token} when no user name is known; for messages. */
    public String who() {
        return username == null ? "a token" : "user '" + username + "'";
    }

    /**
     * Whether the secret sent as a token has the shape of one (a personal access token's 40 hex digits, or
     * an OAuth2 JWT): one that has not is most likely an account password. Always true for other kinds.
     */
    public boolean tokenShaped() {
        if (kind != Kind.TOKEN) {
            return true;
        }
        String decoded = new String(
                Base64.getDecoder().decode(authorization.substring("Basic ".length())), StandardCharsets.UTF_8);
        String token = decoded.substring(0, decoded.length() - 1);
        return ACCESS_TOKEN.matcher(token).matches() || JWT.matcher(token).matches();
    }

    /**
     * Whether a header given whole starts with a scheme the servers read ({@code token}, {@code Bearer},
     * {@code Basic}): both answer 401 to any other. Always true for other kinds.
     */
    public boolean knownScheme() {
        if (kind != Kind.HEADER) {
            return true;
        }
        String value = authorization.toLowerCase(Locale.ROOT);
        return value.startsWith("token ") || value.startsWith("bearer ") || value.startsWith("basic ");
    }

    @Override
    public String toString() {
        return "Credentials[" + who() + ", source=" + source + ", authorization=****]";
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
