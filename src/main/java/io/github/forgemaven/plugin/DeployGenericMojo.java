package io.github.forgemaven.plugin;

import io.github.forgemaven.registry.DeployRecord;
import io.github.forgemaven.registry.PackageLinker;
import io.github.forgemaven.registry.Publication;
import io.github.forgemaven.registry.PublishException;
import io.github.forgemaven.registry.PublishOptions;
import io.github.forgemaven.registry.PublishedFile;
import io.github.forgemaven.registry.Publisher;
import io.github.forgemaven.registry.Sizes;
import io.github.forgemaven.registry.http.ClientSettings;
import io.github.forgemaven.registry.http.Credentials;
import io.github.forgemaven.registry.http.RegistryClient;
import io.github.forgemaven.registry.http.Retrying;
import io.github.forgemaven.registry.plan.ExistingFilePolicy;
import io.github.forgemaven.registry.plan.InvalidInputException;
import io.github.forgemaven.registry.plan.PublicationPlan;
import io.github.forgemaven.registry.plan.UploadFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** Uploads the project's main and attached artifacts to a Forgejo or Gitea generic package registry. */
@Mojo(name = "deploy-generic", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class DeployGenericMojo extends AbstractMojo {

    /**
     * The base URL of the Forgejo or Gitea server, the address that opens its web UI, e.g.
     * {@code https://codeberg.org} or {@code https://git.example.com/gitea} (a sub-path is kept, a
     * trailing slash does not matter). Not an API URL: the plugin adds {@code /api/packages/...}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.url", required = true)
    private String url;

    /**
     * The user or organisation that owns the package, as in <code>https://codeberg.org/{owner}</code>.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.owner", required = true)
    private String owner;

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
    private String serverId;

    /**
     * The package name in the registry, made of ASCII letters, digits and {@code - _ + .} only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.packageName", defaultValue = "${project.artifactId}")
    private String packageName;

    /**
     * The package version in the registry; any text without leading or trailing whitespace or
     * {@code /}. Spaces inside are fine.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.packageVersion", defaultValue = "${project.version}")
    private String packageVersion;

    /**
     * Skips the goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Checks the configuration, the credentials and every file, and logs what would be uploaded
     * where, without sending anything.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * Also uploads the project's POM, named like the artifacts: <code>app-1.0.pom</code> for artifact
     * <code>app</code> version <code>1.0</code>. On Maven 4 this is the consumer POM, the one Maven 4
     * itself installs and deploys as the project's POM (unless {@code -Dmaven.consumer.pom=false}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.includePom", defaultValue = "false")
    private boolean includePom;

    /**
     * Patterns picking which of the project's artifacts to upload, over {@code classifier:extension}:
     * {@code *:zip}, {@code linux-*:*}, {@code sources:jar}; the main artifact has an empty
     * classifier ({@code :jar}). {@code *} and {@code ?} are wildcards; a pattern without a colon
     * names classifiers. Without includes, every artifact is uploaded.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.includes")
    private List<String> includes;

    /**
     * Patterns, as for {@code includes}, of artifacts not to upload.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.excludes")
    private List<String> excludes;

    /**
     * Further files to upload that are not attached to the project, as glob patterns relative to the
     * project directory, e.g. {@code target/native/*}. Each is uploaded under its own file name; a
     * pattern that matches nothing fails the build.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.files")
    private List<String> files;

    /**
     * How artifacts are named in the registry. Placeholders: <code>{artifactId}</code>, <code>{version}</code>,
     * <code>{classifier}</code>, <code>{extension}</code>, <code>{groupId}</code>, <code>{packageName}</code>,
     * <code>{packageVersion}</code>; a part in brackets is left out when a placeholder in it is empty.
     * Names the servers would refuse are caught before any upload.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.fileNames", defaultValue = "{artifactId}-{version}[-{classifier}].{extension}")
    private String fileNames;

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
    private String onExisting;

    /**
     * How often a request is repeated after a failure that a retry can fix (a refused, reset or
     * unanswered connection; HTTP 429, 502, 503, 504), with exponential back-off and the server's
     * {@code Retry-After}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.retries", defaultValue = "3")
    private int retries;

    /**
     * After the uploads, compares the size and sha256 the server reports for each file sent with
     * the local file, and fails on a difference.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.verify", defaultValue = "true")
    private boolean verify;

    /**
     * When an upload fails for good, deletes again the files that this run created, so that a
     * version is never left half-published. Files that were there before the run are never touched.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.rollback", defaultValue = "true")
    private boolean rollback;

    /**
     * In a multi-module build, uploads the files of every module only when the last module running
     * this goal has finished, so that a failing module means nothing is uploaded. The settings of
     * that last module (timeouts, retries, verify, rollback) apply to the whole upload.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.deployAtEnd", defaultValue = "false")
    private boolean deployAtEnd;

    /**
     * How many files of a version are uploaded at once. The first file of a version always goes
     * alone (servers can race when two uploads create the same version); log lines keep the
     * order of the files.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.parallel", defaultValue = "4")
    private int parallel;

    /**
     * A repository of the owner to link the package to after the upload, so that it shows on the
     * repository's page (Gitea 1.24+, Forgejo v11+). An already linked package is fine; on an older
     * server the link is skipped with a warning.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.linkRepository")
    private String linkRepository;

    /**
     * Allows a plain {@code http://} URL to a host other than this machine, which sends the token
     * unencrypted. Only for trusted networks.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.allowInsecureHttp", defaultValue = "false")
    private boolean allowInsecureHttp;

    /**
     * Seconds to wait for a connection to the server before failing.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.connectTimeout", defaultValue = "30")
    private int connectTimeout;

    /**
     * Seconds the server may stay silent (no reply, and no body data taken) before the upload fails.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.responseTimeout", defaultValue = "300")
    private int responseTimeout;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    private final ServerCredentials serverCredentials;

    /** Created by Maven, with the settings decrypter for encrypted passwords. */
    @Inject
    public DeployGenericMojo(SettingsDecrypter decrypter) {
        this.serverCredentials = new ServerCredentials(decrypter);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Optional<Publication> publication = skip ? Optional.empty() : publication();
        if (skip) {
            getLog().info("Skipping forge:deploy-generic (forge.skip=true).");
        }
        if (dryRun) {
            return;
        }
        if (!deployAtEnd) {
            if (publication.isPresent()) {
                publish(List.of(publication.get()));
            }
            return;
        }
        DeployAtEnd atEnd = new DeployAtEnd(session, plugin);
        Optional<List<Publication>> all = atEnd.registerAndClaimIfLast(project, publication);
        if (all.isEmpty()) {
            publication.ifPresent(p -> getLog().info("Deferred to the end of the build (deployAtEnd): "
                    + p.plan().files().size() + " file(s) of "
                    + p.plan().target().describe() + "."));
        } else if (!all.get().isEmpty()) {
            getLog().info("Uploading the files of " + all.get().size() + " package version(s) of the "
                    + atEnd.modulesRunningTheGoal() + " module(s) that ran this goal (deployAtEnd).");
            publish(all.get());
        }
    }

    /** This module's checked publication, or empty when it has nothing to upload. */
    private Optional<Publication> publication() throws MojoFailureException, MojoExecutionException {
        if (isAggregatorWithNothingToUpload()) {
            getLog().info(
                            "Nothing to upload from aggregator " + project.getArtifactId()
                                    + " (pom packaging, no attached"
                                    + " artifacts); its modules upload their own. Set <includePom>true</includePom> to upload its POM.");
            return Optional.empty();
        }
        PublicationPlan plan = plan(projectUploads().of(project, packageName, packageVersion));
        Credentials credentials = serverCredentials.of(session.getSettings(), serverId, System.getenv());
        getLog().info("Credentials: " + credentials.source() + ", " + credentials.who() + ", sent as "
                + credentials.form() + ".");
        ExistingFilePolicy policy = existingFilePolicy();
        if (dryRun) {
            Publisher.dryRun(plan, new MavenPublishLog(getLog(), ProgressStyle.QUIET));
            getLog().info("Dry run: " + plan.files().size() + " file(s), " + Sizes.format(plan.totalBytes())
                    + ", nothing sent (credentials of " + credentials.source() + ", " + credentials.who()
                    + ", onExisting=" + policy.userValue() + ").");
        }
        return Optional.of(new Publication(plan, credentials, policy));
    }

    private void publish(List<Publication> publications) throws MojoExecutionException, MojoFailureException {
        if (session.isOffline()) {
            throw new MojoFailureException(
                    "Cannot upload to " + publications.get(0).plan().target().registry()
                            + " in offline mode (-o): run the build without -o, or skip this goal with -Dforge.skip.");
        }
        int uploadsAtOnce = Math.max(1, parallel);
        ClientSettings clientSettings = new ClientSettings(
                "forge-maven-plugin/" + plugin.getVersion(),
                Duration.ofSeconds(connectTimeout),
                Duration.ofSeconds(responseTimeout),
                uploadsAtOnce,
                MavenProxies.select(
                                session.getSettings(),
                                serverCredentials.decrypter(),
                                publications.get(0).plan().target().registry().base(),
                                getLog())
                        .orElse(null));
        MavenPublishLog log = new MavenPublishLog(getLog(), ProgressStyle.of(session));
        DeployReports reports =
                new DeployReports(getLog(), Path.of(project.getBuild().getDirectory()), System.getenv());
        HttpLogGuard.ensureSecretsStayUnlogged();
        try (RegistryClient client = new RegistryClient(clientSettings)) {
            Publisher publisher = new Publisher(
                    client,
                    clientSettings,
                    Retrying.withBackoff(retries, log::warn),
                    new PublishOptions(verify, rollback, uploadsAtOnce),
                    log);
            List<PublishedFile> files = publisher.publish(publications);
            log.summary(publications, files);
            reports.write(new DeployRecord(files, true));
            if (linkRepository != null && !linkRepository.isBlank()) {
                PackageLinker linker = new PackageLinker(client, Retrying.withBackoff(retries, log::warn), log);
                for (Publication publication : publications) {
                    linker.link(publication, linkRepository.strip());
                }
            }
        } catch (PublishException e) {
            reports.write(new DeployRecord(e.files(), false));
            if (e.fixableByUser()) {
                throw new MojoFailureException(e.getMessage(), e);
            }
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            getLog().debug("Closing the HTTP client failed", e);
        } finally {
            log.endProgress();
        }
    }

    private PublicationPlan plan(List<UploadFile> uploads) throws MojoFailureException {
        try {
            return PublicationPlan.of(
                    new PublicationPlan.Settings(url, owner, packageName, packageVersion, allowInsecureHttp), uploads);
        } catch (InvalidInputException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    private ExistingFilePolicy existingFilePolicy() throws MojoFailureException {
        if (onExisting == null || onExisting.isBlank()) {
            return ExistingFilePolicy.defaultFor(packageVersion);
        }
        try {
            return ExistingFilePolicy.parse(onExisting);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("<onExisting> (forge.onExisting) " + e.getMessage()
                    + ": set it to fail, skip or replace, or leave it out for the default (replace for"
                    + " -SNAPSHOT versions, fail for releases).");
        }
    }

    private boolean isAggregatorWithNothingToUpload() {
        return "pom".equals(project.getPackaging())
                && !project.getModules().isEmpty()
                && ArtifactFiles.attached(project).isEmpty()
                && !projectUploads().addsFiles();
    }

    private ProjectUploads projectUploads() {
        return new ProjectUploads(includePom, includes, excludes, files, fileNames);
    }
}
