package io.github.forgemaven.plugin;

import io.github.forgemaven.registry.DeployRecord;
import io.github.forgemaven.registry.PackageLinker;
import io.github.forgemaven.registry.Publication;
import io.github.forgemaven.registry.PublishException;
import io.github.forgemaven.registry.PublishOptions;
import io.github.forgemaven.registry.PublishedFile;
import io.github.forgemaven.registry.Publisher;
import io.github.forgemaven.registry.Sidecars;
import io.github.forgemaven.registry.Sizes;
import io.github.forgemaven.registry.http.ClientSettings;
import io.github.forgemaven.registry.http.Credentials;
import io.github.forgemaven.registry.http.RegistryClient;
import io.github.forgemaven.registry.http.Retrying;
import io.github.forgemaven.registry.plan.ExistingFilePolicy;
import io.github.forgemaven.registry.plan.InvalidInputException;
import io.github.forgemaven.registry.plan.PublicationPlan;
import io.github.forgemaven.registry.plan.Signatures;
import io.github.forgemaven.registry.plan.UploadFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** Uploads the project's main and attached artifacts to a Forgejo or Gitea generic package registry. */
@Mojo(name = "deploy-generic", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class DeployGenericMojo extends AbstractForgeMojo {

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
     * <p>When neither this parameter nor {@code forge.deployAtEnd} is set, the goal follows
     * maven-deploy-plugin's {@code deployAtEnd}: the {@code deployAtEnd} property
     * ({@code -DdeployAtEnd=true}, or in the POM's {@code <properties>}), else the
     * {@code <deployAtEnd>} of maven-deploy-plugin's configuration; without any of them, {@code false}.
     * A build resumed with {@code -rf} that leaves out modules running this goal fails instead of
     * publishing part of a release.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.deployAtEnd")
    private Boolean deployAtEnd;

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
     * Checksum files to upload beside each file, as a comma-separated list of kinds: {@code sha256},
     * {@code sha512}, {@code sha1}, {@code md5}. For {@code sha256}, {@code app-1.0.jar} gets
     * {@code app-1.0.jar.sha256} holding <code>&lt;hex&gt;&nbsp;&nbsp;app-1.0.jar</code>, the line
     * {@code sha256sum -c} reads, so that a download can be checked. They are files of the version like the
     * others: compared on a re-run, subject to {@code onExisting}, rolled back, listed by a dry run and in
     * {@code forge-deploy.json}. Signatures get none. Default: none.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.sidecars")
    private String sidecars;

    /** Created by Maven, with the settings decrypter for encrypted passwords. */
    @Inject
    public DeployGenericMojo(SettingsDecrypter decrypter) {
        super(decrypter);
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
        if (!deferring()) {
            if (publication.isPresent()) {
                publish(List.of(publication.get()), false);
            }
            return;
        }
        DeployAtEnd atEnd = new DeployAtEnd(session, plugin);
        atEnd.failIfResumedWithoutModules(session.getGoals());
        Optional<List<Publication>> all = atEnd.registerAndClaimIfLast(project, publication);
        if (all.isEmpty()) {
            publication.ifPresent(p -> getLog().info("Deferred to the end of the build (deployAtEnd): "
                    + p.plan().files().size() + " file(s) of "
                    + p.plan().target().describe() + "."));
        } else if (!all.get().isEmpty()) {
            atEnd.partialReactorLine().ifPresent(getLog()::info);
            getLog().info("Uploading the files of " + all.get().size() + " package version(s) of the "
                    + atEnd.modulesRunningTheGoal() + " module(s) that ran this goal (deployAtEnd).");
            publish(all.get(), true);
        }
    }

    /** {@code deployAtEnd}, or maven-deploy-plugin's when it is not set. */
    private boolean deferring() {
        if (deployAtEnd != null) {
            return deployAtEnd;
        }
        Optional<DeployAtEnd.Follow> follow = DeployAtEnd.ofDeployPlugin(session, project);
        follow.ifPresent(f -> getLog().debug("deployAtEnd=" + f.deployAtEnd() + ", following " + f.source()
                + " (set forge.deployAtEnd to decide otherwise)."));
        return follow.map(DeployAtEnd.Follow::deployAtEnd).orElse(false);
    }

    /** This module's checked publication, or empty when it has nothing to upload. */
    private Optional<Publication> publication() throws MojoFailureException, MojoExecutionException {
        requireUrl();
        requireOwner("the packages");
        if (isAggregatorWithNothingToUpload()) {
            getLog().info(
                            "Nothing to upload from aggregator " + project.getArtifactId()
                                    + " (pom packaging, no attached"
                                    + " artifacts other than signatures); its modules upload their own. Set <includePom>true</includePom> to upload its POM.");
            return Optional.empty();
        }
        List<Sidecars.Kind> checksumKinds = sidecarKinds();
        PublicationPlan plan = plan(projectUploads().of(project, packageName, packageVersion));
        warnOnceIfInsecure(plan.target().registry());
        if (!checksumKinds.isEmpty()) {
            plan = plan(withSidecars(plan, checksumKinds));
        }
        List<String> orphans = projectUploads().signaturesLeftOut(project, packageName, packageVersion);
        if (!orphans.isEmpty()) {
            getLog().info("Left out " + String.join(", ", orphans) + ": a signature goes with the file it signs,"
                    + " which is not uploaded (for the POM's, set <includePom>true</includePom> to upload both).");
        }
        timeouts();
        warnAboutOverriddenUserProperties();
        Credentials credentials = credentials();
        ExistingFilePolicy policy = existingFilePolicy(
                ExistingFilePolicy.defaultFor(packageVersion), "replace for -SNAPSHOT versions, fail for releases");
        if (dryRun) {
            Publisher.dryRun(plan, new MavenPublishLog(getLog(), ProgressStyle.QUIET));
            getLog().info("Dry run: " + plan.files().size() + " file(s), " + Sizes.format(plan.totalBytes())
                    + ", nothing sent (credentials of " + credentials.source() + ", " + credentials.who()
                    + ", onExisting=" + policy.userValue() + ").");
        }
        return Optional.of(new Publication(plan, credentials, policy));
    }

    private void publish(List<Publication> publications, boolean atEnd)
            throws MojoExecutionException, MojoFailureException {
        failIfOffline(publications.get(0).plan().target().registry());
        int uploadsAtOnce = Math.max(1, parallel);
        ClientSettings clientSettings =
                clientSettings(publications.get(0).plan().target().registry().base(), uploadsAtOnce);
        MavenPublishLog log = new MavenPublishLog(getLog(), ProgressStyle.of(session));
        DeployReports reports = new DeployReports(
                getLog(),
                Path.of(project.getBuild().getDirectory()),
                Path.of(session.getTopLevelProject().getBuild().getDirectory()),
                session.getPluginContext(plugin, session.getTopLevelProject()),
                environment());
        List<String> versions =
                publications.stream().map(p -> p.plan().target().describe()).toList();
        HttpLogGuard.ensureSecretsStayUnlogged();
        List<PublishedFile> published = null;
        try (RegistryClient client = new RegistryClient(clientSettings)) {
            Publisher publisher = new Publisher(
                    client,
                    clientSettings,
                    Retrying.withBackoff(retries, log::warn),
                    new PublishOptions(verify, rollback, uploadsAtOnce),
                    log);
            published = publisher.publish(publications);
            log.summary(publications, published);
            if (linkRepository != null && !linkRepository.isBlank()) {
                PackageLinker linker = new PackageLinker(client, Retrying.withBackoff(retries, log::warn), log);
                for (Publication publication : publications) {
                    linker.link(publication, linkRepository.strip());
                }
            }
            // Written after the link: a run whose link fails is not a success, although its files are published.
            reports.write(new DeployRecord(published, true), versions);
        } catch (PublishException e) {
            reports.write(new DeployRecord(published != null ? published : e.files(), false), versions);
            String message = atEnd
                    ? e.getMessage() + System.lineSeparator() + "  " + DeployAtEnd.noResumeAdvice()
                    : e.getMessage();
            if (e.fixableByUser()) {
                throw new MojoFailureException(message, e);
            }
            throw new MojoExecutionException(message, e);
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

    private List<Sidecars.Kind> sidecarKinds() throws MojoFailureException {
        try {
            return Sidecars.parse(sidecars);
        } catch (InvalidInputException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    private List<UploadFile> withSidecars(PublicationPlan plan, List<Sidecars.Kind> kinds)
            throws MojoExecutionException {
        Path directory = Path.of(project.getBuild().getDirectory(), "forge-sidecars");
        try {
            return Sidecars.addTo(plan.files(), kinds, directory);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Writing the checksum files (" + io.github.forgemaven.registry.plan.Parameter.SIDECARS + ") into "
                            + directory + " failed: " + e + ". Check that the build directory is writable.",
                    e);
        }
    }

    private boolean isAggregatorWithNothingToUpload() {
        return "pom".equals(project.getPackaging())
                && !project.getModules().isEmpty()
                && ArtifactFiles.attached(project).stream()
                        .allMatch(a -> Signatures.signedExtension(
                                        a.getArtifactHandler().getExtension())
                                .isPresent())
                && !projectUploads().addsFiles();
    }

    private ProjectUploads projectUploads() {
        return projectUploads(includePom);
    }
}
