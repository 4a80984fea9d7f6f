package io.github.forgemaven.release;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The {@code SHA256SUMS} asset: one {@code <sha256>  <name>} line per asset, the format {@code sha256sum -c} reads. */
final class ChecksumFile {

    private ChecksumFile() {}

    static String render(Map<String, String> sha256ByName) {
        StringBuilder out = new StringBuilder();
        sha256ByName.forEach((name, sha) -> out.append(sha.toLowerCase(Locale.ROOT))
                .append("  ")
                .append(name)
                .append('\n'));
        return out.toString();
    }

    /** The names and digests of a checksum file; lines that do not fit the format are ignored. */
    static Map<String, String> parse(String text) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.length() > 66 && l.substring(0, 64).matches("[0-9a-fA-F]{64}") && l.charAt(64) == ' ') {
                String name = l.substring(65);
                if (name.startsWith(" ") || name.startsWith("*")) {
                    name = name.substring(1);
                }
                sums.put(name, l.substring(0, 64).toLowerCase(Locale.ROOT));
            }
        }
        return sums;
    }
}
