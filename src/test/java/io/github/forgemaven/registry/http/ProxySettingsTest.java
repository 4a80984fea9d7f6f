package io.github.forgemaven.registry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.Test;

/** Maven's nonProxyHosts rule, and the routes the client takes with a proxy. */
class ProxySettingsTest {

    private static final ProxySettings PROXY = new ProxySettings(
            "proxy.corp",
            3128,
            "proxy-user",
            "proxy-s3cret",
            "localhost|*.example.com|10.*",
            "<proxy> 'corp' in settings.xml");

    @Test
    void nonProxyHostsAreBarSeparatedWildcardPatternsMatchedIgnoringCase() {
        assertTrue(PROXY.bypasses("localhost"));
        assertTrue(PROXY.bypasses("LocalHost"));
        assertTrue(PROXY.bypasses("git.example.com"));
        assertTrue(PROXY.bypasses("a.b.EXAMPLE.com"));
        assertTrue(PROXY.bypasses("10.1.2.3"));
        assertFalse(PROXY.bypasses("example.com"), "*.example.com needs a dot before example.com");
        assertFalse(PROXY.bypasses("codeberg.org"));
        assertFalse(PROXY.bypasses("localhost.evil.org"), "the whole host must match");
        assertFalse(PROXY.bypasses("110.1.2.3"));
    }

    @Test
    void aDotIsLiteralAndOtherRegexCharactersAreNotSpecial() {
        assertFalse(ProxySettings.matchesNonProxyHosts("git.example.com", "gitxexample.com"));
        assertTrue(ProxySettings.matchesNonProxyHosts("a+b.corp", "a+b.corp"));
        assertFalse(ProxySettings.matchesNonProxyHosts("a+b.corp", "aab.corp"));
    }

    @Test
    void starAloneMatchesEverythingAndBlanksAreIgnored() {
        assertTrue(ProxySettings.matchesNonProxyHosts("*", "anything.org"));
        assertTrue(ProxySettings.matchesNonProxyHosts(" localhost | *.internal ", "db.internal"));
        assertFalse(ProxySettings.matchesNonProxyHosts("", "codeberg.org"));
        assertFalse(ProxySettings.matchesNonProxyHosts("||", "codeberg.org"));
        assertFalse(ProxySettings.matchesNonProxyHosts(null, "codeberg.org"));
    }

    @Test
    void anIpv6LiteralMatchesWithoutBrackets() {
        assertTrue(ProxySettings.matchesNonProxyHosts("::1", "[::1]"));
    }

    @Test
    void toStringNeverShowsThePassword() {
        assertFalse(PROXY.toString().contains("proxy-s3cret"), PROXY.toString());
        assertTrue(PROXY.toString().contains("proxy-user"), PROXY.toString());
        assertEquals("<proxy> 'corp' in settings.xml (proxy.corp:3128)", PROXY.describe());
    }

    @Test
    void clientSettingsApplyTheProxyExceptToNonProxyHosts() {
        ClientSettings settings = new ClientSettings("ua", Duration.ofSeconds(1), Duration.ofSeconds(1), 1, PROXY);
        assertEquals(
                PROXY, settings.proxyFor(URI.create("https://codeberg.org/api")).orElseThrow());
        assertTrue(settings.proxyFor(URI.create("https://git.example.com/api")).isEmpty());
        assertTrue(new ClientSettings("ua", Duration.ofSeconds(1), Duration.ofSeconds(1))
                .proxyFor(URI.create("https://codeberg.org/api"))
                .isEmpty());
    }

    @Test
    void anHttpsTargetIsTunnelledThroughTheProxy() throws Exception {
        HttpRoute route = route(new HttpHost("https", "codeberg.org", 443));
        assertEquals(new HttpHost("http", "proxy.corp", 3128), route.getProxyHost());
        assertTrue(route.isTunnelled(), "CONNECT, so the registry's Authorization travels inside TLS");
        assertTrue(route.isSecure());
    }

    @Test
    void anHttpTargetIsSentToTheProxyWithoutTunnel() throws Exception {
        HttpRoute route = route(new HttpHost("http", "forge.lan", 3000));
        assertEquals(new HttpHost("http", "proxy.corp", 3128), route.getProxyHost());
        assertFalse(route.isTunnelled());
    }

    @Test
    void aNonProxyHostIsReachedDirectly() throws Exception {
        HttpRoute route = route(new HttpHost("https", "git.example.com", 443));
        assertNull(route.getProxyHost());
        assertEquals(1, route.getHopCount());
    }

    private static HttpRoute route(HttpHost target) throws Exception {
        return new ProxyRoutePlanner(PROXY).determineRoute(target, HttpClientContext.create());
    }
}
