package io.github.forgemaven.plugin;

import io.github.forgemaven.registry.http.Credentials;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Finds the credentials the way teams already keep them, in this order: the {@code <server>} of
 * settings.xml (user name and password; a password alone, taken as a token; or an
 * {@code Authorization} header in its {@code <configuration><httpHeaders>}), then the environment
 * variables {@code FORGE_USERNAME} and {@code FORGE_TOKEN}. Encrypted values are decrypted.
 */
final class ServerCredentials {

    static final String USERNAME_VARIABLE = "FORGE_USERNAME";
    static final String TOKEN_VARIABLE = "FORGE_TOKEN";

    /** Where the hints send the user who keeps the credentials in the environment. */
    private static final Credentials.Places ENVIRONMENT = new Credentials.Places(
            TOKEN_VARIABLE,
            "set " + USERNAME_VARIABLE + " to your user name",
            "without " + USERNAME_VARIABLE + ", " + TOKEN_VARIABLE + " is sent as a token");

    private final SettingsDecrypter decrypter;

    ServerCredentials(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    /** The decrypter, also for the password of a {@code <proxy>}. */
    SettingsDecrypter decrypter() {
        return decrypter;
    }

    /**
     * The credentials for {@code serverId}.
     *
     * @param environment the environment variables, as Maven read them (a parameter so that tests need no real environment)
     * @throws MojoFailureException naming the id, the sources tried and what is missing; never the secret
     */
    Credentials of(Settings settings, String serverId, Map<String, String> environment) throws MojoFailureException {
        String source = "<server> '" + serverId + "' in settings.xml";
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server != null) {
            return fromServer(decrypt(server, source), source);
        }
        String token = environment.get(TOKEN_VARIABLE);
        if (token != null && !token.isBlank()) {
            String username = environment.get(USERNAME_VARIABLE);
            return username == null || username.isBlank()
                    ? Credentials.token(token.strip(), "the environment variable " + TOKEN_VARIABLE, ENVIRONMENT)
                    : Credentials.basic(
                            username.strip(),
                            token.strip(),
                            "the environment variables " + USERNAME_VARIABLE + " and " + TOKEN_VARIABLE,
                            ENVIRONMENT);
        }
        throw new MojoFailureException("There is no " + source + ", and " + TOKEN_VARIABLE + " is not set. Add a"
                + " <server> to ~/.m2/settings.xml (or the settings file given with -s), with <id>" + serverId
                + "</id>, your user name as <username> and a personal access token with the write:package scope as"
                + " <password>; or set <serverId> (forge.serverId) to the id of the <server> that has them; or, in"
                + " CI, set the environment variables " + USERNAME_VARIABLE + " and " + TOKEN_VARIABLE + ".");
    }

    private Credentials fromServer(Server server, String source) throws MojoFailureException {
        String username = server.getUsername();
        String password = server.getPassword();
        boolean hasUsername = username != null && !username.isBlank();
        boolean hasPassword = password != null && !password.isEmpty();
        if (hasUsername && hasPassword) {
            return Credentials.basic(username.strip(), password, source);
        }
        if (hasPassword) {
            return Credentials.token(password.strip(), source);
        }
        String header = authorizationHeader(server);
        if (header != null) {
            return Credentials.header(header.strip(), source);
        }
        throw new MojoFailureException(
                source + " has " + (hasUsername ? "a <username> but no <password>" : "no credentials")
                        + ": set <password> to a personal access token with the write:package scope (or"
                        + " the account's password), with your user name as <username>.");
    }

    /** The {@code Authorization} header of {@code <configuration><httpHeaders>}, decrypted, or {@code null}. */
    private String authorizationHeader(Server server) throws MojoFailureException {
        if (!(server.getConfiguration() instanceof Xpp3Dom configuration)) {
            return null;
        }
        Xpp3Dom headers = configuration.getChild("httpHeaders");
        if (headers == null) {
            return null;
        }
        for (Xpp3Dom property : headers.getChildren("property")) {
            Xpp3Dom name = property.getChild("name");
            Xpp3Dom value = property.getChild("value");
            if (name != null
                    && value != null
                    && "Authorization".equalsIgnoreCase(name.getValue().strip())) {
                // The decrypter only knows passwords: carry the header's value through one.
                Server carrier = new Server();
                carrier.setId(server.getId());
                carrier.setPassword(value.getValue());
                return decrypt(carrier, "the Authorization header of <server> '" + server.getId() + "'")
                        .getPassword();
            }
        }
        return null;
    }

    private Server decrypt(Server server, String what) throws MojoFailureException {
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new MojoFailureException("The password of " + what + " could not be decrypted: "
                        + problem.getMessage() + ". Check ~/.m2/settings-security.xml (the master password) and"
                        + " re-encrypt the password with mvn --encrypt-password.");
            }
        }
        return result.getServer();
    }
}
