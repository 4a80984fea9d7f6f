package io.github.forgemaven.testing.forge.release;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numeric part of the version a server reports, e.g. {@code 14.0.2+gitea-1.22.0} (Forgejo) or
 * {@code 1.25.3} (Gitea), so that behaviour can be switched by version as the releases spec §5 lists it.
 */
record ServerVersion(int major, int minor, int patch) implements Comparable<ServerVersion> {

    private static final Pattern NUMBERS = Pattern.compile("^v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

    static ServerVersion parse(String version) {
        Matcher matcher = NUMBERS.matcher(version.trim());
        if (!matcher.find()) {
            throw new IllegalArgumentException("not a server version: " + version);
        }
        return new ServerVersion(number(matcher.group(1)), number(matcher.group(2)), number(matcher.group(3)));
    }

    static ServerVersion of(int major, int minor, int patch) {
        return new ServerVersion(major, minor, patch);
    }

    boolean atLeast(int major, int minor, int patch) {
        return compareTo(of(major, minor, patch)) >= 0;
    }

    boolean below(int major, int minor, int patch) {
        return !atLeast(major, minor, patch);
    }

    @Override
    public int compareTo(ServerVersion other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        return c != 0 ? c : Integer.compare(patch, other.patch);
    }

    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }
}
