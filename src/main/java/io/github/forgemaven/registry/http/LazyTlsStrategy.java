package io.github.forgemaven.registry.http;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * HttpClient's system-default TLS set-up (the JVM's default {@code SSLContext}, so its trust store and
 * the client key store of {@code javax.net.ssl.keyStore} for servers that require a client certificate,
 * and the {@code https.protocols} and {@code https.cipherSuites} properties, with host name verification),
 * created on the first {@code https} connection instead of with the client. HttpClient's
 * {@code createSystemDefault()} would ignore {@code javax.net.ssl.keyStore}.
 *
 * <p>Initialising an {@code SSLContext} loads the JVM's whole trust store; that costs about a tenth of a
 * second per build, which a registry reached over plain {@code http} (loopback, or through a TLS-terminating
 * proxy on the same host) would pay for nothing.
 */
final class LazyTlsStrategy implements TlsSocketStrategy {

    private volatile TlsSocketStrategy delegate;

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        return delegate().upgrade(socket, target, port, attachment, context);
    }

    /** Whether an {@code https} connection has needed the TLS set-up yet. */
    boolean initialised() {
        return delegate != null;
    }

    private TlsSocketStrategy delegate() {
        TlsSocketStrategy current = delegate;
        if (current == null) {
            synchronized (this) {
                current = delegate;
                if (current == null) {
                    current = DefaultClientTlsStrategy.createSystemDefault();
                    delegate = current;
                }
            }
        }
        return current;
    }
}
