package io.github.forgemaven.registry;

import org.slf4j.LoggerFactory;

/**
 * Keeps HttpClient's header and wire logs, which would print the {@code Authorization} header,
 * below DEBUG, even when the build runs with {@code mvn -X}.
 */
final class HttpLogGuard {

    static final String HEADERS_LOGGER = "org.apache.hc.client5.http.headers";
    static final String WIRE_LOGGER = "org.apache.hc.client5.http.wire";

    private HttpLogGuard() {}

    /**
     * Raises both loggers to INFO for SLF4J's simple logger (the provider Maven ships) and checks
     * that it took. Must run before HttpClient's connection classes are first used, because they
     * look their loggers up once.
     *
     * @throws IllegalStateException when the logging set-up still logs headers, so that no request
     *     carrying a secret is ever made
     */
    static void ensureSecretsStayUnlogged() {
        for (String logger : new String[] {HEADERS_LOGGER, WIRE_LOGGER}) {
            System.setProperty("org.slf4j.simpleLogger.log." + logger, "info");
            if (LoggerFactory.getLogger(logger).isDebugEnabled()) {
                throw new IllegalStateException("The logger '" + logger + "' is at DEBUG in this build's logging"
                        + " configuration, so HttpClient would print the Authorization header with your token."
                        + " Raise '" + logger + "' to INFO in the logging configuration (for Maven's default"
                        + " logger: -Dorg.slf4j.simpleLogger.log." + logger + "=info) and run again.");
            }
        }
    }
}
