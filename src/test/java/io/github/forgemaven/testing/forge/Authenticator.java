package io.github.forgemaven.testing.forge;

import io.github.forgemaven.testing.server.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The auth methods of spec §6.1 in the servers' order: the OAuth2 method (query or form {@code token} /
 * {@code access_token}, then {@code Authorization: token|Bearer}), then Basic (the password, or the
 * username when the password is empty or {@code x-oauth-basic}, tried as a token before a password login).
 * Empty result: a credential was present but invalid.
 */
public final class Authenticator {

    private final Directory directory;

    public Authenticator(Directory directory) {
        this.directory = directory;
    }

    public Optional<Caller> authenticate(ServerRequest request, Map<String, List<String>> form) {
        String token = bearerToken(request, form);
        if (token != null) {
            return directory.token(token);
        }
        String authorization = request.header("Authorization");
        if (authorization == null) {
            return Optional.of(Caller.ANONYMOUS);
        }
        String[] parts = authorization.split(" ", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("basic")) {
            return Optional.of(Caller.ANONYMOUS);
        }
        String[] credentials = decodeBasic(parts[1]);
        String user = credentials[0];
        String password = credentials[1];
        boolean usernameIsToken = password.isEmpty() || password.equals("x-oauth-basic");
        Optional<Caller> byToken = directory.token(usernameIsToken ? user : password);
        if (byToken.isPresent()) {
            return byToken;
        }
        return directory.login(user, password).map(account -> new Caller(account, null));
    }

    private static String bearerToken(ServerRequest request, Map<String, List<String>> form) {
        for (String name : List.of("token", "access_token")) {
            List<String> values = form.get(name);
            if (values != null && !values.isEmpty() && !values.get(0).isEmpty()) {
                return values.get(0);
            }
        }
        String authorization = request.header("Authorization");
        if (authorization != null) {
            String[] fields = authorization.trim().split("\\s+");
            if (fields.length == 2 && (fields[0].equalsIgnoreCase("token") || fields[0].equalsIgnoreCase("bearer"))) {
                return fields[1];
            }
        }
        return null;
    }

    /** Like Gitea's BasicAuthDecode: anything undecodable becomes an empty user and password. */
    private static String[] decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon >= 0) {
                return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
            }
        } catch (IllegalArgumentException e) {
            // falls through to empty credentials
        }
        return new String[] {"", ""};
    }
}
