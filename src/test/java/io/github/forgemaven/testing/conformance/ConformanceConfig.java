package io.github.forgemaven.testing.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a conformance run needs to know about the real server: from {@code -Dconformance.*} properties or
 * else {@code CONFORMANCE_*} environment variables (so that no token has to be typed on a command line).
 * {@code toString} shows no secret.
 *
 * @param url the server's web address, e.g. {@code https://codeberg.org}, without a trailing slash
 * @param owner the user or organisation the cases publish to
 * @param username the user of {@code token}
 * @param token a token of {@code username} with {@code write:package} (and {@code write:repository} for the
 *     release cases)
 * @param readToken a token with {@code read:package} only, for the refused-scope cases
 * @param packageToken a token with {@code write:package} but not {@code write:repository}, for the release case
 *     refused for the missing scope
 * @param foreignOwner an owner the user may not publish to, for the refusal cases
 * @param repository a repository of {@code owner} with a commit on its default branch, for the release cases
 */
public record ConformanceConfig(
        String url,
        String owner,
        String username,
        String token,
        Optional<String> readToken,
        Optional<String> foreignOwner,
        Optional<String> repository,
        Optional<String> packageToken) {

    /** One value: its property, its environment variable, whether a run needs it, and what it is. */
    public enum Setting {
        URL("conformance.url", "CONFORMANCE_URL", true, "the server's web address, e.g. https://codeberg.org"),
        OWNER("conformance.owner", "CONFORMANCE_OWNER", true, "the user or organisation the cases publish to"),
        USERNAME("conformance.username", "CONFORMANCE_USERNAME", true, "the user name of the token"),
        TOKEN(
                "conformance.token",
                "CONFORMANCE_TOKEN",
                true,
                "a token with write:package, and write:repository for the release cases"),
        READ_TOKEN("conformance.readToken", "CONFORMANCE_READ_TOKEN", false, "a token with read:package only"),
        FOREIGN_OWNER(
                "conformance.foreignOwner", "CONFORMANCE_FOREIGN_OWNER", false, "an owner the user may not write to"),
        REPOSITORY(
                "conformance.repository",
                "CONFORMANCE_REPOSITORY",
                false,
                "a repository of the owner with a commit on its default branch, for the release cases"),
        PACKAGE_TOKEN(
                "conformance.packageToken",
                "CONFORMANCE_PACKAGE_TOKEN",
                false,
                "a token with write:package but not write:repository");

        private final String property;
        private final String environmentVariable;
        private final boolean required;
        private final String meaning;

        Setting(String property, String environmentVariable, boolean required, String meaning) {
            this.property = property;
            this.environmentVariable = environmentVariable;
            this.required = required;
            this.meaning = meaning;
        }

        public String property() {
            return property;
        }

        public String environmentVariable() {
            return environmentVariable;
        }

        /** {@code conformance.readToken (CONFORMANCE_READ_TOKEN)}, as messages name it. */
        public String label() {
            return property + " (" + environmentVariable + ")";
        }

        /** The property's value if set and not blank, else the environment variable's. */
        Optional<String> from(Map<String, String> properties, Map<String, String> environment) {
            return nonBlank(properties.get(property)).or(() -> nonBlank(environment.get(environmentVariable)));
        }

        private static Optional<String> nonBlank(String value) {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        }
    }

    /**
     * Reads every setting, the property winning over the environment variable.
     *
     * @throws IllegalStateException naming each missing required setting's property and environment variable,
     *     or a URL that is not http(s)
     */
    public static ConformanceConfig resolve(Map<String, String> properties, Map<String, String> environment) {
        List<String> missing = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            if (setting.required && setting.from(properties, environment).isEmpty()) {
                missing.add("- " + setting.property + ": pass -D" + setting.property + "=... or set the environment"
                        + " variable " + setting.environmentVariable + " (" + setting.meaning + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(
                    "The conformance mode (-Pconformance) runs the ITs against a real server and needs:\n"
                            + String.join("\n", missing));
        }
        String url = Setting.URL.from(properties, environment).orElseThrow().replaceAll("/+$", "");
        if (!url.matches("(?i)https?://[^/\\s]+(/\\S*)?")) {
            throw new IllegalStateException(Setting.URL.label() + " '" + url
                    + "' is not an http(s) URL: set it to the server's web address, e.g. https://codeberg.org.");
        }
        return new ConformanceConfig(
                url,
                Setting.OWNER.from(properties, environment).orElseThrow(),
                Setting.USERNAME.from(properties, environment).orElseThrow(),
                Setting.TOKEN.from(properties, environment).orElseThrow(),
                Setting.READ_TOKEN.from(properties, environment),
                Setting.FOREIGN_OWNER.from(properties, environment),
                Setting.REPOSITORY.from(properties, environment),
                Setting.PACKAGE_TOKEN.from(properties, environment));
    }

    /**
     * The run's tokens, each under its setting (every setting whose name ends in {@code TOKEN} that this run
     * has), for the checks that none shows in an IT's log.
     */
    public Map<Setting, String> tokens() {
        Map<Setting, String> tokens = new LinkedHashMap<>();
        tokens.put(Setting.TOKEN, token);
        readToken.ifPresent(value -> tokens.put(Setting.READ_TOKEN, value));
        packageToken.ifPresent(value -> tokens.put(Setting.PACKAGE_TOKEN, value));
        return tokens;
    }

    /** The value of an optional setting, if this run has it. */
    public Optional<String> optional(Setting setting) {
        return switch (setting) {
            case READ_TOKEN -> readToken;
            case FOREIGN_OWNER -> foreignOwner;
            case REPOSITORY -> repository;
            case PACKAGE_TOKEN -> packageToken;
            default -> Optional.of("set");
        };
    }

    @Override
    public String toString() {
        return "conformance run against " + url + " as " + username + " for owner " + owner
                + repository.map(r -> ", repository " + r).orElse("")
                + foreignOwner.map(f -> ", foreign owner " + f).orElse("")
                + (readToken.isPresent() ? ", with a read-only token" : "")
                + (packageToken.isPresent() ? ", with a package-only token" : "");
    }
}
