package io.github.forgemaven.plugin;

import io.github.forgemaven.registry.Credentials;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** Reads the credentials of a {@code <server>} in settings.xml, decrypting its password if needed. */
final class ServerCredentials {

    private final SettingsDecrypter decrypter;

    ServerCredentials(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    /** The decrypter, also for the password of a {@code <proxy>}. */
    SettingsDecrypter decrypter() {
        return decrypter;
    }

    /**
     * The username and (decrypted) password of the server with the given id.
     *
     * @throws MojoFailureException naming the id and what is missing; never containing the secret
     */
    Credentials of(Settings settings, String serverId) throws MojoFailureException {
        String source = "<server> '" + serverId + "' in settings.xml";
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new MojoFailureException("There is no " + source + ". Add one to ~/.m2/settings.xml (or the"
                    + " settings file given with -s), with <id>" + serverId + "</id>, your user name as <username>"
                    + " and a personal access token with the write:package scope as <password>; or set <serverId>"
                    + " (forge.serverId) to the id of the <server> that has them.");
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new MojoFailureException("The password of " + source + " could not be decrypted: "
                        + problem.getMessage() + ". Check ~/.m2/settings-security.xml (the master password) and"
                        + " re-encrypt the password with mvn --encrypt-password.");
            }
        }
        Server decrypted = result.getServer();
        String username = decrypted.getUsername();
        String password = decrypted.getPassword();
        if (username == null || username.isBlank()) {
            throw new MojoFailureException(
                    source + " has no <username>: set it to the user name that owns the" + " token in <password>.");
        }
        if (password == null || password.isEmpty()) {
            throw new MojoFailureException(source + " has no <password>: set it to a personal access token with"
                    + " the write:package scope (or the account's password).");
        }
        return new Credentials(username.strip(), password, source);
    }
}
