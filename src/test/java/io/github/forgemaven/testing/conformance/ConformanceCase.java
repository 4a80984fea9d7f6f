package io.github.forgemaven.testing.conformance;

import java.io.File;
import java.util.Set;

/**
 * An IT the conformance run runs against the real server: the run's settings, the prefix of every name the
 * case creates, the IT's build directory, and the optional settings it needs (the repository for release
 * cases, the read-only token...).
 */
public record ConformanceCase(
        ConformanceConfig config, String prefix, File basedir, Set<ConformanceConfig.Setting> needs) {

    public ConformanceCase {
        needs = Set.copyOf(needs);
    }

    public boolean needs(ConformanceConfig.Setting setting) {
        return needs.contains(setting);
    }
}
