package io.github.forgemaven.registry.http;

import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Routes every request through the proxy (the front end decided that this server is reached through it).
 * An {@code https} target is tunnelled with {@code CONNECT}, so the registry's {@code Authorization}
 * header travels inside TLS and the proxy never sees it; an {@code http} target is sent to the proxy
 * in absolute form.
 */
final class ProxyRoutePlanner extends DefaultRoutePlanner {

    private final HttpHost proxyHost;

    ProxyRoutePlanner(ProxySettings proxy) {
        super(DefaultSchemePortResolver.INSTANCE);
        this.proxyHost = new HttpHost("http", proxy.host(), proxy.port());
    }

    /** The proxy as HttpClient addresses it. */
    HttpHost proxyHost() {
        return proxyHost;
    }

    @Override
    protected HttpHost determineProxy(HttpHost target, HttpContext context) {
        return proxyHost;
    }
}
