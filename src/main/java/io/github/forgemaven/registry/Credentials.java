package io.github.forgemaven.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A user name and its secret (a personal access token or a password), sent as HTTP Basic.
 *
 * @param username the account name
 * @param secret the token or password; never printed, not even by {@link #toString()}
 * @param source where the credentials came from, in the user's words, e.g. {@code <server> 'forge' in settings.xml}
 */
public record Credentials(String username, String secret, String source) {

    /** The value of the {@code Authorization} header. */
    public String basicAuthorization() {
        String pair = username + ":" + secret;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", secret=****, source=" + source + "]";
    }
}
