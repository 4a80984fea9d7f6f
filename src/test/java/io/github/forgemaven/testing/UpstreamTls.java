package io.github.forgemaven.testing;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** TLS over a test proxy's connection to an https server, the host name checked as a client would. */
final class UpstreamTls {

    private UpstreamTls() {}

    /**
     * Negotiates TLS over {@code plain}, which stays open on failure for the caller to close.
     *
     * @param trust what decides whether the server's certificate is trusted
     */
    static SSLSocket handshake(Socket plain, SSLContext trust, String host, int port) throws IOException {
        SSLSocket tls = (SSLSocket) trust.getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
    }
}
