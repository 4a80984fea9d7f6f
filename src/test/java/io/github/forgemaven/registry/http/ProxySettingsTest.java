package io.github.forgemaven.registry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.Test;

/** The routes the client takes with a proxy, and a proxy password that is never printed. */
class ProxySettingsTest {

    private static final ProxySettings PROXY =
            new ProxySettings("proxy.corp", 3128, "proxy-user", "proxy-s3cret", "<proxy> 'corp' in settings.xml");

    @Test
    void toStringNeverShowsThePassword() {
        assertFalse(PROXY.toString().contains("proxy-s3cret"), PROXY.toString());
        assertTrue(PROXY.toString().contains("proxy-user"), PROXY.toString());
        assertEquals("<proxy> 'corp' in settings.xml (proxy.corp:3128)", PROXY.describe());
    }

    @Test
    void clientSettingsApplyTheProxyToEveryRequest() {
        ClientSettings settings = new ClientSettings("ua", Duration.ofSeconds(1), Duration.ofSeconds(1), 1, PROXY);
        assertEquals(
                PROXY, settings.proxyFor(URI.create("https://codeberg.org/api")).orElseThrow());
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

    private static HttpRoute route(HttpHost target) throws Exception {
        return new ProxyRoutePlanner(PROXY).determineRoute(target, HttpClientContext.create());
    }
}
