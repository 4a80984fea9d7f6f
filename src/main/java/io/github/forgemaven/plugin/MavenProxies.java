package io.github.forgemaven.plugin;

import io.github.forgemaven.registry.http.ProxySettings;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Picks the {@code <proxy>} of settings.xml for the registry URL the way Maven picks one for a
 * repository, and decrypts its password.
 *
 * <p>Maven's rule (maven-core's {@code DefaultMavenExecutionRequestPopulator} keeps the active proxies;
 * maven-resolver's {@code DefaultProxySelector} chooses): among the active proxies, in order, those whose
 * {@code <nonProxyHosts>} do not match the host are candidates; the first candidate per {@code <protocol>}
 * (default {@code http}) counts; the one for the URL's scheme is used, and for an {@code https} URL without
 * an {@code https} proxy, the {@code http} one.
 */
final class MavenProxies {

    private MavenProxies() {}

    /**
     * The proxy for requests to {@code url}, decrypted, logged at info (never its password).
     *
     * @throws MojoFailureException when the chosen proxy's password cannot be decrypted, or it has no host
     */
    static Optional<ProxySettings> select(Settings settings, SettingsDecrypter decrypter, URI url, Log log)
            throws MojoFailureException {
        Optional<Proxy> chosen = choose(settings == null ? List.of() : settings.getProxies(), url);
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        Proxy proxy = chosen.get();
        String source = "<proxy> '" + proxy.getId() + "' in settings.xml";
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new MojoFailureException("The password of " + source + " could not be decrypted: "
                        + problem.getMessage() + ". Check ~/.m2/settings-security.xml (the master password) and"
                        + " re-encrypt the password with mvn --encrypt-password.");
            }
        }
        Proxy decrypted = result.getProxy() == null ? proxy : result.getProxy();
        if (decrypted.getHost() == null || decrypted.getHost().isBlank()) {
            throw new MojoFailureException(source + " has no <host>: set it to the proxy's host name, or set"
                    + " <active>false</active> if it is not needed.");
        }
        String username = blankToNull(decrypted.getUsername());
        ProxySettings settingsForClient = new ProxySettings(
                decrypted.getHost().strip(),
                decrypted.getPort(),
                username == null ? null : username.strip(),
                username == null ? null : decrypted.getPassword(),
                decrypted.getNonProxyHosts(),
                source);
        log.info("Using " + settingsForClient.describe() + " for " + url
                + (username == null ? ", without credentials." : ", as user '" + settingsForClient.username() + "'."));
        return Optional.of(settingsForClient);
    }

    /** Maven's choice of proxy for a URL, before decryption. */
    static Optional<Proxy> choose(List<Proxy> proxies, URI url) {
        String host = url.getHost();
        Map<String, Proxy> firstPerProtocol = new LinkedHashMap<>();
        for (Proxy proxy : proxies) {
            if (proxy.isActive() && !ProxySettings.bypasses(proxy.getNonProxyHosts(), host)) {
                firstPerProtocol.putIfAbsent(protocolOf(proxy), proxy);
            }
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        Proxy proxy = firstPerProtocol.get(scheme);
        if (proxy == null && scheme.equals("https")) {
            proxy = firstPerProtocol.get("http");
        }
        return Optional.ofNullable(proxy);
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
