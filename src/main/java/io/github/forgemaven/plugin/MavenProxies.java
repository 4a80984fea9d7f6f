package io.github.forgemaven.plugin;

import io.github.forgemaven.registry.http.ProxySettings;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.AuthenticationContext;
import org.eclipse.aether.repository.ProxySelector;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * The proxy for the registry URL, as Maven chose it: the repository session's {@link ProxySelector}
 * answers for the URL as it does for a repository at that address (active proxies only, the first
 * per protocol whose {@code <nonProxyHosts>} do not match, an {@code http} proxy for an {@code https}
 * URL without an {@code https} one), and the session's authentication for that proxy gives its
 * user and the password Maven decrypted. Nothing of that choice is re-implemented here.
 *
 * <p>settings.xml is read only to name the {@code <proxy>} in messages, and to fail on a password Maven
 * could not decrypt (Maven then only warns and would send the cipher text).
 */
final class MavenProxies {

    private MavenProxies() {}

    /**
     * The proxy for requests to {@code url}, logged at info (never its password).
     *
     * @throws MojoFailureException when the chosen proxy's password cannot be decrypted, or it has no host
     */
    static Optional<ProxySettings> select(
            RepositorySystemSession repositorySession, Settings settings, SettingsDecrypter decrypter, URI url, Log log)
            throws MojoFailureException {
        ProxySelector selector = repositorySession == null ? null : repositorySession.getProxySelector();
        RemoteRepository repository = new RemoteRepository.Builder("forge", "default", url.toString()).build();
        org.eclipse.aether.repository.Proxy proxy = selector == null ? null : selector.getProxy(repository);
        if (proxy == null) {
            return Optional.empty();
        }
        Optional<Proxy> declared = declared(settings == null ? List.of() : settings.getProxies(), proxy);
        String source =
                declared.map(p -> "<proxy> '" + p.getId() + "' in settings.xml").orElse("the proxy of Maven's session");
        if (declared.isPresent()) {
            failOnUndecryptablePassword(declared.get(), decrypter, source);
        }
        if (proxy.getHost() == null || proxy.getHost().isBlank()) {
            throw new MojoFailureException(source + " has no <host>: set it to the proxy's host name, or set"
                    + " <active>false</active> if it is not needed.");
        }
        String username = null;
        String password = null;
        AuthenticationContext auth = AuthenticationContext.forProxy(
                repositorySession,
                new RemoteRepository.Builder(repository).setProxy(proxy).build());
        try {
            if (auth != null) {
                username = blankToNull(auth.get(AuthenticationContext.USERNAME));
                password = username == null ? null : auth.get(AuthenticationContext.PASSWORD);
            }
        } finally {
            AuthenticationContext.close(auth);
        }
        ProxySettings settingsForClient = new ProxySettings(
                proxy.getHost().strip(), proxy.getPort(), username == null ? null : username.strip(), password, source);
        log.info("Using " + settingsForClient.describe() + " for " + url
                + (username == null ? ", without credentials." : ", as user '" + settingsForClient.username() + "'."));
        return Optional.of(settingsForClient);
    }

    /** The active {@code <proxy>} of settings.xml that Maven made the session's proxy from, for its id. */
    private static Optional<Proxy> declared(List<Proxy> proxies, org.eclipse.aether.repository.Proxy chosen) {
        return proxies.stream()
                .filter(Proxy::isActive)
                .filter(p -> protocolOf(p).equals(chosen.getType().toLowerCase(Locale.ROOT)))
                .filter(p -> p.getHost() != null && p.getHost().equalsIgnoreCase(chosen.getHost()))
                .filter(p -> p.getPort() == chosen.getPort())
                .findFirst();
    }

    private static void failOnUndecryptablePassword(Proxy proxy, SettingsDecrypter decrypter, String source)
            throws MojoFailureException {
        for (SettingsProblem problem :
                decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy)).getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new MojoFailureException("The password of " + source + " could not be decrypted: "
                        + problem.getMessage() + ". Check ~/.m2/settings-security.xml (the master password) and"
                        + " re-encrypt the password with mvn --encrypt-password.");
            }
        }
    }

    private static String protocolOf(Proxy proxy) {
        String protocol = proxy.getProtocol();
        return protocol == null || protocol.isBlank()
                ? "http"
                : protocol.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
