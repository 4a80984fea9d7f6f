package io.github.forgemaven.plugin;

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
     * Raises both loggers to INFO for the SLF4J provider Maven ships, and checks that it took. Maven
     * 3's SLF4J simple logger reads {@code org.slf4j.simpleLogger.log.*}; Maven 4's own logger reads
     * {@code maven.logger.log.*} first and falls back to the old name with a "deprecated property"
     * warning on stderr, so both are set. Must run before HttpClient's connection classes are first
     * used, because they look their loggers up once.
     *
     * @throws IllegalStateException when the logging set-up still logs headers, so that no request
     *     carrying a secret is ever made
     */
    static void ensureSecretsStayUnlogged() {
        for (String logger : new String[] {HEADERS_LOGGER, WIRE_LOGGER}) {
            System.setProperty("maven.logger.log." + logger, "info");
            System.setProperty("org.slf4j.simpleLogger.log." + logger, "info");
            if (LoggerFactory.getLogger(logger).isDebugEnabled()) {
                throw new IllegalStateException("The logger '" + logger + "' is at DEBUG in this build's logging"
                        + " configuration, so HttpClient would print the Authorization header with your token."
                        + " Raise '" + logger + "' to INFO in the logging configuration (for Maven's default"
                        + " logger: -Dorg.slf4j.simpleLogger.log." + logger + "=info, on Maven 4"
                        + " -Dmaven.logger.log." + logger + "=info) and run again.");
            }
        }
    }
}
