package io.github.forgemaven.testing.forge;

import java.util.regex.Pattern;

/** Gitea's generic-package validation (spec §3.1, Gitea 1.22+ and Forgejo 7+). Go's {@code \w} is ASCII only. */
final class Validation {

    private static final Pattern NAME = Pattern.compile("[-_+.A-Za-z0-9]+");
    private static final Pattern FILE_NAME = Pattern.compile("[-_+=:;.()\\[\\]{}~!@#$%^& A-Za-z0-9]+");

    private Validation() {}

    static boolean packageName(String name) {
        if (!NAME.matcher(name).matches() || name.equals("..")) {
            return false;
        }
        return name.length() != 1 || Character.isLetterOrDigit(name.charAt(0));
    }

    static boolean fileName(String name) {
        return FILE_NAME.matcher(name).matches()
                && trimSpace(name).equals(name)
                && !name.equals(".")
                && !name.equals("..");
    }

    /** Only leading or trailing whitespace makes a version invalid. */
    static boolean version(String version) {
        return trimSpace(version).equals(version);
    }

    /** Go's strings.TrimSpace, which uses unicode.IsSpace (unlike Java's strip, it includes U+0085 and U+00A0). */
    static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isSpace(char c) {
        switch (c) {
            case '\t':
            case '\n':
            case 0x0B:
            case '\f':
            case '\r':
            case ' ':
            case 0x85:
            case 0xA0:
            case 0x1680:
            case 0x2028:
            case 0x2029:
            case 0x202F:
            case 0x205F:
            case 0x3000:
                return true;
            default:
                return c >= 0x2000 && c <= 0x200A;
        }
    }
}
