package io.github.forgemaven.registry;

import java.util.Locale;

/** Byte counts in the units people read. */
public final class Sizes {

    private Sizes() {}

    /** {@code 512 B}, {@code 3.4 KiB}, {@code 1.0 GiB}. */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
