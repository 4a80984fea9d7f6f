package io.github.forgemaven.plugin;

import io.github.forgemaven.registry.http.ClientSettings;
import io.github.forgemaven.registry.http.Credentials;
import io.github.forgemaven.registry.plan.ExistingFilePolicy;
import io.github.forgemaven.registry.plan.InvalidInputException;
import io.github.forgemaven.registry.plan.NamingRules;
import io.github.forgemaven.registry.plan.RegistryUrl;
import io.github.forgemaven.registry.plan.Timeouts;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * What the goals that write to a Forgejo or Gitea server share: where the server is, whose account,
 * which credentials, which of the project's files, what to do with files already there, and how the
 * HTTP client is set up.
 */
public abstract class AbstractForgeMojo extends AbstractMojo {

    /**
     * The base URL of the Forgejo or Gitea server, the address that opens its web UI, e.g.
     * {@code https://codeberg.org} or {@code https://git.example.com/gitea} (a sub-path is kept, a
     * trailing slash does not matter). Not an API URL: the plugin adds {@code /api/packages/...}.
     * It must be set: without it the goal fails before sending anything, saying how to set it (it is
     * not marked required so that the failure can say more than Maven's).
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.url")
    protected String url;

    /**
     * The user or organisation that owns the package (for {@code release}: the repository), as in
     * <code>https://codeberg.org/{owner}</code>. It must be set: without it the goal fails before
     * sending anything, saying how to set it (it is not marked required so that the failure can say
     * more than Maven's).
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.owner")
    protected String owner;

    /**
     * The id of the {@code <server>} in settings.xml that holds the credentials, used in this order:
     * its {@code <username>} and {@code <password>} (a personal access token with the
     * {@code write:package} scope, or the account's password), sent as HTTP Basic; a
     * {@code <password>} alone, sent as a token; an {@code Authorization} header in its
     * {@code <configuration><httpHeaders>}, sent as it is. Without a {@code <server>} of that id, the
     * environment variables {@code FORGE_USERNAME} (optional) and {@code FORGE_TOKEN}. Encrypted
     * values work wherever a password stands. The log says which source was used, never the secret.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.serverId", defaultValue = "forge")
    protected String serverId;

    /**
     * The package name in the registry, made of ASCII letters, digits and {@code - _ + .} only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.packageName", defaultValue = "${project.artifactId}")
    protected String packageName;

    /**
     * The package version in the registry; any text without leading or trailing whitespace or
     * {@code /}. Spaces inside are fine.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.packageVersion", defaultValue = "${project.version}")
    protected String packageVersion;

    /**
     * Skips the goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * Checks the configuration, the credentials and every file, and logs what would be uploaded
     * where, without sending anything.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.dryRun", defaultValue = "false")
    protected boolean dryRun;

    /**
     * Patterns picking which of the project's artifacts to upload, over {@code classifier:extension}:
     * {@code *:zip}, {@code linux-*:*}, {@code sources:jar}; the main artifact has an empty
     * classifier ({@code :jar}). {@code *} and {@code ?} are wildcards; a pattern without a colon
     * names classifiers. Without includes, every artifact is uploaded.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.includes")
    protected List<String> includes;

    /**
     * Patterns, as for {@code includes}, of artifacts not to upload.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.excludes")
    protected List<String> excludes;

    /**
     * Further files to upload that are not attached to the project, as glob patterns relative to the
     * project directory, e.g. {@code target/native/*}. Each is uploaded under its own file name; a
     * pattern that matches nothing fails the build.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.files")
    protected List<String> files;

    /**
     * How artifacts are named in the registry. Placeholders: <code>{artifactId}</code>, <code>{version}</code>,
     * <code>{classifier}</code>, <code>{extension}</code>, <code>{groupId}</code>, <code>{packageName}</code>,
     * <code>{packageVersion}</code>; a part in brackets is left out when a placeholder in it is empty.
     * Names the servers would refuse are caught before any upload.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.fileNames", defaultValue = "{artifactId}-{version}[-{classifier}].{extension}")
    protected String fileNames;

    /**
     * What to do when the version already holds a file of the same name with other content:
     * {@code fail} (stop before uploading anything), {@code skip} (keep the remote file, warn) or
     * {@code replace} (delete it and upload the local one). A file with identical content always
     * counts as published. Default: {@code replace} for {@code -SNAPSHOT} versions, {@code fail}
     * for releases.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.onExisting")
    protected String onExisting;

    /**
     * How often a request is repeated after a failure that a retry can fix (a refused, reset or
     * unanswered connection; HTTP 429, 502, 503, 504), with exponential back-off and the server's
     * {@code Retry-After}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.retries", defaultValue = "3")
    protected int retries;

    /**
     * Allows a plain {@code http://} URL to a host other than this machine, which sends the token
     * unencrypted. Only for trusted networks.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.allowInsecureHttp", defaultValue = "false")
    protected boolean allowInsecureHttp;

    /**
     * Seconds to wait for a connection to the server before failing.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.connectTimeout", defaultValue = "30")
    protected int connectTimeout;

    /**
     * Seconds the server may stay silent (no reply, and no body data taken) before the upload fails.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.responseTimeout", defaultValue = "300")
    protected int responseTimeout;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected PluginDescriptor plugin;

    private static final String ENV_PREFIX = "env.";

    /** The plugin-context key, before the URL, of the warning {@link #warnOnceIfInsecure} gave. */
    private static final String INSECURE_WARNED = "forge.insecureHttpWarned:";

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    /** Reads the {@code <server>} of {@code serverId}, decrypting its password. */
    protected final ServerCredentials serverCredentials;

    protected AbstractForgeMojo(SettingsDecrypter decrypter) {
        this.serverCredentials = new ServerCredentials(decrypter);
    }

    /**
     * Warns for each {@code -Dforge.*} user property that differs from a value written in this execution's
     * {@code <configuration>}: Maven lets the configuration win, so a CI override would vanish silently.
     */
    protected void warnAboutOverriddenUserProperties() {
        Xpp3Dom configuration = mojoExecution.getConfiguration();
        if (configuration == null || mojoExecution.getMojoDescriptor().getParameters() == null) {
            return;
        }
        for (org.apache.maven.plugin.descriptor.Parameter parameter :
                mojoExecution.getMojoDescriptor().getParameters()) {
            String expression = parameter.getExpression();
            if (expression == null || !expression.startsWith("${forge.") || !expression.endsWith("}")) {
                continue;
            }
            String property = expression.substring(2, expression.length() - 1);
            String given = session.getUserProperties().getProperty(property);
            Xpp3Dom configured = configuration.getChild(parameter.getName());
            // A value with ${...} in it may well come from the property itself; lists have no single value.
            if (given == null
                    || configured == null
                    || configured.getValue() == null
                    || configured.getValue().contains("${")
                    || configured.getValue().strip().equals(given.strip())) {
                continue;
            }
            getLog().warn("-D" + property + "=" + given + " is ignored: <" + parameter.getName() + "> is set to '"
                    + configured.getValue().strip() + "' in the plugin's <configuration>, which Maven does not let a"
                    + " -D override. To make it overridable, move the value to <properties> as <" + property + ">"
                    + " and remove <" + parameter.getName() + "> from <configuration>.");
        }
    }

    /**
     * Fails, saying what to set, when no {@code owner} is given: call it before anything else reads it.
     *
     * @param owned what the owner owns for this goal, e.g. {@code the packages}
     */
    protected void requireOwner(String owned) throws MojoFailureException {
        if (owner == null || owner.isBlank()) {
            throw new MojoFailureException(NamingRules.missingOwner(owned));
        }
    }

    /** Fails, saying what to set, when no {@code url} is given: call it before anything else reads it. */
    protected void requireUrl() throws MojoFailureException {
        if (url == null || url.isBlank()) {
            throw new MojoFailureException(RegistryUrl.missing());
        }
    }

    /**
     * Warns, once per build and URL, when {@code allowInsecureHttp} lets the credentials go to another host
     * over plain http. Once per build, not per module: the flag lives in the plugin context of the
     * session's top-level project, which every module's execution of this plugin shares for this build
     * alone (a static flag would outlive the build in a Maven daemon or an embedding, and would stay
     * quiet in the next build).
     */
    protected void warnOnceIfInsecure(RegistryUrl registry) {
        if (!allowInsecureHttp) {
            return;
        }
        registry.insecureWarning().ifPresent(warning -> {
            Map<String, Object> build = session.getPluginContext(plugin, session.getTopLevelProject());
            boolean first;
            synchronized (build) {
                first = build.putIfAbsent(INSECURE_WARNED + registry, Boolean.TRUE) == null;
            }
            if (first) {
                getLog().warn(warning);
            }
        });
    }

    /** The credentials of {@code serverId} (or the environment), logged by source, never by secret. */
    protected Credentials credentials() throws MojoFailureException {
        Credentials credentials = serverCredentials.of(session.getSettings(), serverId, environment());
        getLog().info("Credentials: " + credentials.source() + ", " + credentials.who() + ", sent as "
                + credentials.form() + ".");
        return credentials;
    }

    /**
     * The environment variables as Maven read them at start-up, its {@code env.*} properties (as
     * maven-gpg-plugin reads {@code MAVEN_GPG_PASSPHRASE}): what a build sees is what Maven saw, and a
     * test sets them on the session instead of on the process.
     */
    protected Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        session.getSystemProperties().forEach((key, value) -> {
            if (key instanceof String name && name.startsWith(ENV_PREFIX) && value instanceof String text) {
                environment.put(name.substring(ENV_PREFIX.length()), text);
            }
        });
        return environment;
    }

    /**
     * The parsed {@code onExisting}, or {@code fallback} when it is not set.
     *
     * @param defaultText how the goal's default reads in the failure message
     */
    protected ExistingFilePolicy existingFilePolicy(ExistingFilePolicy fallback, String defaultText)
            throws MojoFailureException {
        if (onExisting == null || onExisting.isBlank()) {
            return fallback;
        }
        try {
            return ExistingFilePolicy.parse(onExisting);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("<onExisting> (forge.onExisting) " + e.getMessage()
                    + ": set it to fail, skip or replace, or leave it out for the default (" + defaultText + ").");
        }
    }

    /** Fails in offline mode, naming where the goal would have written. */
    protected void failIfOffline(Object target) throws MojoFailureException {
        if (session.isOffline()) {
            throw new MojoFailureException("Cannot upload to " + target
                    + " in offline mode (-o): run the build without -o, or skip this goal with -Dforge.skip.");
        }
    }

    /**
     * The checked {@code connectTimeout}, {@code responseTimeout} and {@code retries}: call it before the
     * first request (and before a dry run ends), so that a bad value fails before anything is sent.
     */
    protected Timeouts timeouts() throws MojoFailureException {
        try {
            return Timeouts.of(connectTimeout, responseTimeout, retries);
        } catch (InvalidInputException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /** The HTTP client's settings for requests to {@code server}, with the proxy Maven's session picks for it. */
    protected ClientSettings clientSettings(URI server, int maxConnections) throws MojoFailureException {
        Timeouts timeouts = timeouts();
        return new ClientSettings(
                "forge-maven-plugin/" + plugin.getVersion(),
                timeouts.connect(),
                timeouts.response(),
                maxConnections,
                MavenProxies.select(
                                session.getRepositorySession(),
                                session.getSettings(),
                                serverCredentials.decrypter(),
                                server,
                                getLog())
                        .orElse(null));
    }

    /** The file selection of this goal: {@code includes}, {@code excludes}, {@code files} and {@code fileNames}. */
    ProjectUploads projectUploads(boolean includePom) {
        return new ProjectUploads(includePom, includes, excludes, files, fileNames);
    }
}
