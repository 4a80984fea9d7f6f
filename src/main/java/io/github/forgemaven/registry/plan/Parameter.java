package io.github.forgemaven.registry.plan;

/**
 * The goals' parameters as the core's messages name them: the POM element and the user property that
 * set each one. Messages build their advice from here, so a renamed parameter or a second front end
 * changes this file alone.
 */
public enum Parameter {
    URL("url", "forge.url"),
    OWNER("owner", "forge.owner"),
    SERVER_ID("serverId", "forge.serverId"),
    PACKAGE_NAME("packageName", "forge.packageName"),
    PACKAGE_VERSION("packageVersion", "forge.packageVersion"),
    ON_EXISTING("onExisting", "forge.onExisting"),
    CONNECT_TIMEOUT("connectTimeout", "forge.connectTimeout"),
    RESPONSE_TIMEOUT("responseTimeout", "forge.responseTimeout"),
    RETRIES("retries", "forge.retries"),
    ALLOW_INSECURE_HTTP("allowInsecureHttp", "forge.allowInsecureHttp"),
    INCLUDES("includes", "forge.includes"),
    EXCLUDES("excludes", "forge.excludes"),
    FILES("files", "forge.files"),
    FILE_NAMES("fileNames", "forge.fileNames"),
    LINK_REPOSITORY("linkRepository", "forge.linkRepository"),
    SIDECARS("sidecars", "forge.sidecars"),
    REPOSITORY("repository", "forge.repository"),
    TAG("tag", "forge.tag"),
    TITLE("title", "forge.release.title"),
    NOTES("notes", "forge.release.notes"),
    NOTES_FILE("notesFile", "forge.release.notesFile"),
    CHANGELOG("changelog", "forge.release.changelog"),
    CHECKSUMS("checksums", "forge.release.checksums"),
    LINK_PACKAGE_FILES("linkPackageFiles", "forge.release.linkPackageFiles");

    private final String name;
    private final String userProperty;

    Parameter(String name, String userProperty) {
        this.name = name;
        this.userProperty = userProperty;
    }

    /** The POM element, e.g. {@code <url>}. */
    public String element() {
        return "<" + name + ">";
    }

    /** The user property, e.g. {@code forge.url}. */
    public String userProperty() {
        return userProperty;
    }

    /** The element set to a value, e.g. {@code <onExisting>skip</onExisting>}. */
    public String set(String value) {
        return "<" + name + ">" + value + "</" + name + ">";
    }

    /** The command-line form that sets it, e.g. {@code -Dforge.onExisting=skip}. */
    public String override(String value) {
        return "-D" + userProperty + "=" + value;
    }

    /** The element and its user property, e.g. {@code <url> (forge.url)}: how messages name a parameter. */
    @Override
    public String toString() {
        return element() + " (" + userProperty + ")";
    }
}
