package io.github.forgemaven.registry.plan;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules that Forgejo (v7+) and Gitea (1.22+) apply to the parts of a generic package URL,
 * checked here so that a bad value fails before any byte is sent.
 *
 * <p>Each check returns the broken rule in words, or empty when the value is fine.
 */
public final class NamingRules {

    // Go's \w is ASCII only, hence the explicit classes.
    private static final Pattern PACKAGE_NAME = Pattern.compile("\\A[-_+.A-Za-z0-9]+\\z");
    private static final Pattern FILE_NAME = Pattern.compile("\\A[-_+=:;.()\\[\\]{}~!@#$%^& A-Za-z0-9]+\\z");
    private static final Pattern OWNER = Pattern.compile("\\A[-_.A-Za-z0-9]+\\z");

    public static final String PACKAGE_NAME_RULE =
            "ASCII letters, digits and - _ + . only; a one-character name must be a letter or digit; not '..'";
    public static final String FILE_NAME_RULE =
            "ASCII letters, digits, spaces and - _ + = : ; . ( ) [ ] { } ~ ! @ # $ % ^ &"
                    + " only (no / \\ ? * \" ' < > | , `); no leading or trailing space; not '.' or '..'";
    static final String OWNER_RULE = "a user or organisation name: ASCII letters, digits and - _ . only";

    private NamingRules() {}

    /** Checks the name of the package inside the owner's registry. */
    public static Optional<String> checkPackageName(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (!PACKAGE_NAME.matcher(name).matches()) {
            return Optional.of("it may contain " + PACKAGE_NAME_RULE);
        }
        if (name.length() == 1 && !Character.isLetterOrDigit(name.charAt(0))) {
            return Optional.of("a one-character name must be a letter or a digit");
        }
        if (name.equals("..")) {
            return Optional.of("'..' is not a valid name");
        }
        return Optional.empty();
    }

    /** Checks the name of one file inside a package version. */
    public static Optional<String> checkFileName(String fileName) {
        if (fileName == null || fileName.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (!FILE_NAME.matcher(fileName).matches()) {
            return Optional.of("it may contain " + FILE_NAME_RULE);
        }
        if (!fileName.strip().equals(fileName)) {
            return Optional.of("it must not start or end with a space");
        }
        if (fileName.equals(".") || fileName.equals("..")) {
            return Optional.of("'" + fileName + "' is not a valid file name");
        }
        return Optional.empty();
    }

    /**
     * Checks a package version. The servers only refuse surrounding whitespace; a slash and the
     * dot segments are refused here too, because they change the URL's path on the way.
     */
    public static Optional<String> checkVersion(String version) {
        if (version == null || version.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (!version.strip().equals(version)) {
            return Optional.of("it must not start or end with whitespace");
        }
        if (version.indexOf('/') >= 0) {
            return Optional.of("it must not contain '/'");
        }
        if (version.equals(".") || version.equals("..")) {
            return Optional.of("'" + version + "' is not a valid version");
        }
        if (version.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("it must not contain control characters");
        }
        return Optional.empty();
    }

    /**
     * The failure for a goal run without an owner, naming both ways to set it: Maven's own says only that
     * the parameter is missing.
     *
     * @param owned what the owner owns, for the goal at hand, e.g. {@code the packages}
     */
    public static String missingOwner(String owned) {
        return "No owner: set " + Parameter.OWNER.element() + " in the plugin's <configuration> (e.g. "
                + Parameter.OWNER.set("acme") + ") or " + Parameter.OWNER.override("acme") + ": the user or"
                + " organisation that owns " + owned + ", as in https://codeberg.org/acme.";
    }

    /** Checks the user or organisation that owns the package. */
    public static Optional<String> checkOwner(String owner) {
        if (owner == null || owner.isBlank()) {
            return Optional.of("it is empty");
        }
        if (!OWNER.matcher(owner).matches() || owner.equals(".") || owner.equals("..")) {
            return Optional.of("it must be " + OWNER_RULE);
        }
        return Optional.empty();
    }
}
