package io.github.forgemaven.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.registry.http.ProxySettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultProxySelector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/**
 * The proxy comes from Maven's session: its choice (active, nonProxyHosts, protocol, http for https), its
 * decrypted credentials, and the settings.xml id in every message.
 */
class MavenProxiesTest {

    /** "proxy-Pa55word", encrypted with the master password of the test settings-security.xml. */
    private static final String ENCRYPTED = "{Og/cJ5oEpvgHzAW1VYFxlvFLQNAVFpW+qUpjWaMSOKM=}";

    private static SettingsDecrypter decrypter;

    @BeforeAll
    static void readMasterPassword() throws Exception {
        Path security = Path.of(MavenProxiesTest.class
                .getResource("/settings/settings-security.xml")
                .toURI());
        decrypter = new DefaultSettingsDecrypter(
                new DefaultSecDispatcher(new DefaultPlexusCipher(), Map.of(), security.toString()));
    }

    @Test
    void theFirstActiveProxyForTheSchemeIsChosen() {
        List<Proxy> proxies = List.of(
                proxy("off", "https", false, null),
                proxy("first", "https", true, null),
                proxy("second", "https", true, null));
        assertEquals("first", choose(proxies, "https://codeberg.org"));
    }

    @Test
    void theProtocolDefaultsToHttpAndAnHttpProxyServesHttpsWhenThereIsNoHttpsOne() {
        Proxy plain = proxy("plain", null, true, null);
        assertEquals("plain", choose(List.of(plain), "http://forge.lan"));
        assertEquals("plain", choose(List.of(plain), "https://codeberg.org"));
        assertEquals("tls", choose(List.of(plain, proxy("tls", "https", true, null)), "https://codeberg.org"));
    }

    @Test
    void anHttpsProxyNeverServesHttp() {
        assertEquals(null, choose(List.of(proxy("tls", "https", true, null)), "http://forge.lan"));
    }

    @Test
    void aProxyWhoseNonProxyHostsMatchIsSkippedForTheNextOfItsProtocol() {
        List<Proxy> proxies = List.of(
                proxy("internal-bypass", "https", true, "*.corp|codeberg.org"), proxy("fallback", "https", true, null));
        assertEquals("fallback", choose(proxies, "https://CODEBERG.org"));
        assertEquals("internal-bypass", choose(proxies, "https://gitea.com"));
        assertEquals(null, choose(List.of(proxies.get(0)), "https://git.corp"));
    }

    @Test
    void anEncryptedPasswordIsDecryptedAndNeverLogged() throws Exception {
        Proxy corp = proxy("corp", "http", true, "localhost");
        corp.setUsername("proxy-user");
        corp.setPassword(ENCRYPTED);
        List<String> logged = new ArrayList<>();
        ProxySettings chosen =
                select(settings(corp), "https://codeberg.org", logged).orElseThrow();
        assertEquals("proxy-Pa55word", chosen.password());
        assertEquals("proxy-user", chosen.username());
        assertEquals("proxy.corp", chosen.host());
        assertEquals(3128, chosen.port());
        assertEquals("<proxy> 'corp' in settings.xml", chosen.source());
        assertEquals(
                List.of("Using <proxy> 'corp' in settings.xml (proxy.corp:3128) for https://codeberg.org, as user"
                        + " 'proxy-user'."),
                logged);
    }

    @Test
    void noProxiesMeansNoProxy() throws Exception {
        assertEquals(Optional.empty(), select(new Settings(), "https://codeberg.org", new ArrayList<>()));
    }

    @Test
    void anUndecryptablePasswordNamesTheProxy() {
        Proxy corp = proxy("corp", "http", true, null);
        corp.setUsername("proxy-user");
        corp.setPassword("{notReallyEncryptedButBracedAAAAAAAAAAAAAAAAAAAAAA=}");
        MojoFailureException e = assertThrows(
                MojoFailureException.class, () -> select(settings(corp), "https://codeberg.org", new ArrayList<>()));
        assertTrue(
                e.getMessage().startsWith("The password of <proxy> 'corp' in settings.xml could not be decrypted"),
                e.getMessage());
        assertFalse(e.getMessage().contains("notReallyEncrypted"), e.getMessage());
    }

    @Test
    void aProxyMavenKnowsFromElsewhereIsUsedAndNamedAsTheSessions() throws Exception {
        DefaultProxySelector selector = new DefaultProxySelector();
        selector.add(new org.eclipse.aether.repository.Proxy("http", "proxy.lan", 8080, null), null);
        DefaultRepositorySystemSession session = new DefaultRepositorySystemSession();
        session.setProxySelector(selector);
        List<String> logged = new ArrayList<>();

        ProxySettings chosen = MavenProxies.select(
                        session, new Settings(), decrypter, URI.create("https://codeberg.org"), log(logged))
                .orElseThrow();

        assertEquals("the proxy of Maven's session", chosen.source());
        assertFalse(chosen.hasCredentials());
        assertEquals(
                List.of("Using the proxy of Maven's session (proxy.lan:8080) for https://codeberg.org, without"
                        + " credentials."),
                logged);
    }

    /** Which settings.xml proxy the session's selector picks, as its id in the source the plugin names. */
    private static String choose(List<Proxy> proxies, String url) {
        Settings settings = new Settings();
        proxies.forEach(settings::addProxy);
        try {
            return select(settings, url, new ArrayList<>())
                    .map(p -> p.source().replaceAll("<proxy> '(.*)' in settings.xml", "$1"))
                    .orElse(null);
        } catch (MojoFailureException e) {
            throw new AssertionError(e);
        }
    }

    private static Optional<ProxySettings> select(Settings settings, String url, List<String> logged)
            throws MojoFailureException {
        return MavenProxies.select(session(settings), settings, decrypter, URI.create(url), log(logged));
    }

    /**
     * A repository session with the proxy selector Maven 3.9 makes (maven-core's
     * DefaultRepositorySystemSessionFactory): the active proxies, decrypted, each with its nonProxyHosts.
     */
    private static RepositorySystemSession session(Settings settings) {
        DefaultProxySelector selector = new DefaultProxySelector();
        for (Proxy proxy : settings.getProxies()) {
            if (!proxy.isActive()) {
                continue;
            }
            Proxy decrypted = decrypter
                    .decrypt(new DefaultSettingsDecryptionRequest(proxy))
                    .getProxy();
            Proxy used = decrypted == null ? proxy : decrypted;
            selector.add(
                    new org.eclipse.aether.repository.Proxy(
                            used.getProtocol(),
                            used.getHost(),
                            used.getPort(),
                            new AuthenticationBuilder()
                                    .addUsername(used.getUsername())
                                    .addPassword(used.getPassword())
                                    .build()),
                    used.getNonProxyHosts());
        }
        DefaultRepositorySystemSession session = new DefaultRepositorySystemSession();
        session.setProxySelector(selector);
        return session;
    }

    private static Proxy proxy(String id, String protocol, boolean active, String nonProxyHosts) {
        Proxy proxy = new Proxy();
        proxy.setId(id);
        if (protocol != null) {
            proxy.setProtocol(protocol);
        }
        proxy.setActive(active);
        proxy.setHost("proxy.corp");
        // Each proxy its own port, as real ones have: the id in messages is found by the chosen address.
        proxy.setPort(id.equals("corp") ? 3128 : 10_000 + (id.hashCode() & 0x3fff));
        proxy.setNonProxyHosts(nonProxyHosts);
        return proxy;
    }

    private static Settings settings(Proxy proxy) {
        Settings settings = new Settings();
        settings.addProxy(proxy);
        return settings;
    }

    private static SystemStreamLog log(List<String> infos) {
        return new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                infos.add(content.toString());
            }
        };
    }
}
