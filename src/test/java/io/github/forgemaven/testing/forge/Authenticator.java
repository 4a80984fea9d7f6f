package io.github.forgemaven.testing.forge;

import io.github.forgemaven.testing.server.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The auth groups of spec §6.1 as the servers' {@code auth.Group.Verify} runs them: every method in order, the
 * first that signs the caller in wins, and only when none does is a method's error (a credential present but
 * invalid) the answer. {@code /api/packages}: the OAuth2 method (query or form {@code token} /
 * {@code access_token}, then {@code Authorization: token|Bearer}), Basic (the password, or the username when
 * the password is empty or {@code x-oauth-basic}, tried as a token before a password login),
 * {@code X-NuGet-ApiKey}, then the package-JWT method, which fails on any other {@code Authorization} header.
 * {@code /api/v1}: OAuth2 and Basic only, so an unknown scheme there stays anonymous.
 * Empty result: authentication failed.
 */
public final class Authenticator {

    /** Which auth group a path belongs to. */
    public enum Group {
        PACKAGES,
        API
    }

    private final Directory directory;
    private final Flavour flavour;

    public Authenticator(Directory directory, Flavour flavour) {
        this.directory = directory;
        this.flavour = flavour;
    }

    public Optional<Caller> authenticate(ServerRequest request, Map<String, List<String>> form, Group group) {
        boolean failed = false;
        String token = oauthToken(request, form);
        if (token != null) {
            Optional<Caller> byToken = directory.token(token);
            if (byToken.isPresent()) {
                return byToken;
            }
            failed = true;
        }
        String authorization = request.header("Authorization");
        if (authorization != null) {
            String[] parts = authorization.split(" ", 2);
            if (parts.length == 2 && parts[0].equalsIgnoreCase("basic")) {
                Optional<Caller> basic = basic(parts[1]);
                if (basic.isPresent()) {
                    return basic;
                }
                failed = true;
            }
        }
        if (group == Group.PACKAGES) {
            String apiKey = request.header("X-NuGet-ApiKey");
            if (apiKey != null && !apiKey.isEmpty()) {
                Optional<Caller> nuget = directory.personalToken(apiKey);
                if (nuget.isPresent()) {
                    // Forgejo's nuget method does not record the token's scope (spec §6.1), Gitea's does
                    return flavour.forgejoApi()
                            ? Optional.of(new Caller(nuget.get().user(), null))
                            : nuget;
                }
            }
            // the package-JWT (conan/container) method parses whatever else came in Authorization and fails
            if (authorization != null && !authorization.isEmpty()) {
                failed = true;
            }
        }
        return failed ? Optional.empty() : Optional.of(Caller.ANONYMOUS);
    }

    private Optional<Caller> basic(String encoded) {
        String[] credentials = decodeBasic(encoded);
        String user = credentials[0];
        String password = credentials[1];
        boolean usernameIsToken = password.isEmpty() || password.equals("x-oauth-basic");
        Optional<Caller> byToken = directory.token(usernameIsToken ? user : password);
        if (byToken.isPresent()) {
            return byToken;
        }
        return directory.login(user, password).map(account -> new Caller(account, null));
    }

    private static String oauthToken(ServerRequest request, Map<String, List<String>> form) {
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
