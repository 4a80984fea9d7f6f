package io.github.forgemaven.registry;

import java.time.Duration;

/**
 * How the registry client talks HTTP.
 *
 * @param userAgent the {@code User-Agent}, e.g. {@code forge-maven-plugin/1.0.0}
 * @param connectTimeout the longest wait for a TCP (and TLS) connection
 * @param responseTimeout the longest silence while waiting for a reply, or between reply packets
 */
public record ClientSettings(String userAgent, Duration connectTimeout, Duration responseTimeout) {}
