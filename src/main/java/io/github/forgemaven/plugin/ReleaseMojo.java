package io.github.forgemaven.plugin;

import io.github.forgemaven.registry.http.ClientSettings;
import io.github.forgemaven.registry.http.Credentials;
import io.github.forgemaven.registry.http.RegistryClient;
import io.github.forgemaven.registry.http.Retrying;
import io.github.forgemaven.registry.plan.ExistingFilePolicy;
import io.github.forgemaven.registry.plan.InvalidInputException;
import io.github.forgemaven.registry.plan.RegistryUrl;
import io.github.forgemaven.registry.plan.UploadFile;
import io.github.forgemaven.release.Changelog;
import io.github.forgemaven.release.GitHead;
import io.github.forgemaven.release.ReleaseException;
import io.github.forgemaven.release.ReleaseOutcome;
import io.github.forgemaven.release.ReleasePlan;
import io.github.forgemaven.release.ReleaseTag;
import io.github.forgemaven.release.Releaser;
import io.github.forgemaven.release.ScmRepository;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.model.Scm;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** Creates or completes the Forgejo or Gitea release of the version's tag, with the build's files as its assets. */
@Mojo(name = "release", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class ReleaseMojo extends AbstractForgeMojo {

    /**
     * The repository under {@code owner} that gets the release. Default: the repository of the
     * project's {@code <scm>} (connection, developerConnection or url), when it points at {@code url}'s
     * host and {@code owner}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.repository")
    private String repository;

    /**
     * The tag of the release. Default: {@code project.scm.tag} when it is not {@code HEAD} (what
     * {@code release:prepare} writes into the released POM), else {@code GITHUB_REF_NAME} when
     * {@code GITHUB_REF_TYPE=tag} (set by GitHub, Forgejo and Gitea runners on a tag push). Without
     * either, a {@code -SNAPSHOT} version skips the goal and a release version fails.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.tag")
    private String tag;

    /**
     * The release's title. Default: the tag.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.release.title")
    private String title;

    /**
     * The release notes, as Markdown. Takes precedence over {@code notesFile} and {@code changelog}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.release.notes")
    private String notes;

    /**
     * A file (UTF-8, Markdown) whose content becomes the release notes.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.release.notesFile")
    private File notesFile;

    /**
     * A Keep-a-Changelog file (e.g. {@code CHANGELOG.md}) whose section for this version, under
     * <code>## [1.2.3]</code>, becomes the release notes; a missing section fails the build.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.release.changelog")
    private File changelog;

    /**
     * Marks the release as a pre-release. Default: true for versions with an alpha, beta, rc, cr or
     * milestone qualifier ({@code 2.0.0-rc1}, {@code 1.0-M2}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.release.prerelease")
    private Boolean prerelease;

    /**
     * Leaves the release as a draft, to be published by hand.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.release.draft", defaultValue = "false")
    private boolean draft;

    /**
     * The name of an asset listing <code>sha256&nbsp;&nbsp;name</code> for every asset, in the format
     * {@code sha256sum -c} reads; empty turns it off. The servers keep no checksum of release assets:
     * this file makes downloads verifiable and re-runs cheap.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.release.checksums", defaultValue = "SHA256SUMS")
    private String checksums;

    /**
     * On Forgejo v9 and later, attaches the assets as links to the files {@code deploy-generic} put in
     * the package registry ({@code packageName}, {@code packageVersion}), instead of a second copy;
     * elsewhere they are uploaded, with a warning naming the server's version.
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.release.linkPackageFiles", defaultValue = "false")
    private boolean linkPackageFiles;

    /**
     * Skips this goal alone ({@code forge.skip} skips every goal of the plugin).
     *
     * @since 0.1.0
     */
    @Parameter(property = "forge.release.skip", defaultValue = "false")
    private boolean releaseSkip;

    /** Created by Maven, with the settings decrypter for encrypted passwords. */
    @Inject
    public ReleaseMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || releaseSkip) {
            getLog().info("Skipping forge:release (" + (skip ? "forge.skip" : "forge.release.skip") + "=true).");
            return;
        }
        requireUrl();
        requireOwner("the repository that gets the release");
        Optional<String> releaseTag = tag();
        if (releaseTag.isEmpty()) {
            getLog().info("Skipping forge:release: " + project.getVersion()
                    + " is a -SNAPSHOT version and no <tag> (forge.tag) is set.");
            return;
        }
        ReleasePlan plan = plan(releaseTag.get());
        warnOnceIfInsecure(plan.server());
        Credentials credentials = credentials();
        // The same lines as deploy-generic's, progress of long uploads included.
        MavenPublishLog log = new MavenPublishLog(getLog(), dryRun ? ProgressStyle.QUIET : ProgressStyle.of(session));
        if (dryRun) {
            Releaser.dryRun(plan, log);
            return;
        }
        DeployAtEnd atEnd = new DeployAtEnd(session, plugin, "release");
        Optional<List<ReleasePlan>> all = atEnd.registerAndClaimIfLast(project, Optional.of(plan), ReleasePlan.class);
        if (all.isEmpty()) {
            getLog().info("Release " + plan.tag() + ": " + plan.assets().size() + " asset(s) of "
                    + project.getArtifactId() + " wait for the last module running forge:release.");
            return;
        }
        ReleasePlan whole = merge(plan, all.get());
        failIfOffline(whole.server());
        ClientSettings clientSettings = clientSettings(whole.server().base(), 2);
        ReleaseRecord record =
                new ReleaseRecord(getLog(), Path.of(project.getBuild().getDirectory()), environment());
        HttpLogGuard.ensureSecretsStayUnlogged();
        try (RegistryClient client = new RegistryClient(clientSettings)) {
            ReleaseOutcome outcome =
                    new Releaser(client, Retrying.withBackoff(retries, log::warn), credentials, log).release(whole);
            record.write(outcome);
        } catch (ReleaseException e) {
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

    private ReleasePlan merge(ReleasePlan last, List<ReleasePlan> plans) throws MojoFailureException {
        List<UploadFile> assets = new ArrayList<>();
        for (ReleasePlan module : plans) {
            if (!module.tag().equals(last.tag()) || !module.describe().equals(last.describe())) {
                throw new MojoFailureException("The modules of this build release to different tags or repositories ("
                        + module.describe() + " " + module.tag() + " and " + last.describe() + " " + last.tag()
                        + "): set <tag> and <repository> once, in the parent POM.");
            }
            assets.addAll(module.assets());
        }
        try {
            return last.withAssets(assets);
        } catch (InvalidInputException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    private ReleasePlan plan(String releaseTag) throws MojoFailureException, MojoExecutionException {
        List<UploadFile> assets =
                isAggregator() ? List.of() : projectUploads(false).of(project, packageName, packageVersion);
        ExistingFilePolicy policy = existingFilePolicy(ExistingFilePolicy.FAIL, "fail");
        try {
            return ReleasePlan.of(
                    new ReleasePlan.Settings(
                            url,
                            owner,
                            repository(),
                            releaseTag,
                            targetCommit(),
                            title,
                            notes(),
                            prerelease != null ? prerelease : Changelog.isPrerelease(project.getVersion()),
                            draft,
                            checksums,
                            policy,
                            allowInsecureHttp,
                            linkPackageFiles,
                            packageName,
                            packageVersion,
                            Path.of(project.getBuild().getDirectory(), "forge-release")),
                    assets);
        } catch (InvalidInputException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    private boolean isAggregator() {
        return "pom".equals(project.getPackaging())
                && !project.getModules().isEmpty()
                && ArtifactFiles.attached(project).isEmpty()
                && (files == null || files.isEmpty());
    }

    private Optional<String> tag() throws MojoFailureException {
        Scm scm = project.getScm();
        try {
            return ReleaseTag.of(tag, scm == null ? null : scm.getTag(), environment(), project.getVersion());
        } catch (InvalidInputException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    private String repository() throws MojoFailureException {
        if (repository != null && !repository.isBlank()) {
            return repository.strip();
        }
        Scm scm = project.getScm();
        if (scm != null && RegistryUrl.problemWith(url).isEmpty()) {
            for (String candidate : new String[] {scm.getConnection(), scm.getDeveloperConnection(), scm.getUrl()}) {
                Optional<String> name =
                        ScmRepository.of(candidate, RegistryUrl.parse(url).base(), owner);
                if (name.isPresent()) {
                    return name.get();
                }
            }
        }
        throw new MojoFailureException("No repository for the release: set <repository> (forge.repository) to the"
                + " repository under " + owner + " that gets it, or give the POM an <scm> whose URL points at "
                + url + "/" + owner + "/<repository>.");
    }

    private String targetCommit() {
        String sha = environment().get("GITHUB_SHA");
        if (sha != null && !sha.isBlank()) {
            return sha.strip();
        }
        return GitHead.of(project.getBasedir().toPath()).orElse("");
    }

    private String notes() throws MojoFailureException {
        if (notes != null && !notes.isBlank()) {
            return notes;
        }
        if (notesFile != null) {
            try {
                return Files.readString(notesFile.toPath(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MojoFailureException("<notesFile> (forge.release.notesFile) '" + notesFile
                        + "' cannot be read (" + e + "): point it at an existing UTF-8 file.");
            }
        }
        if (changelog != null) {
            try {
                return Changelog.section(changelog.toPath(), project.getVersion());
            } catch (InvalidInputException e) {
                throw new MojoFailureException(e.getMessage(), e);
            }
        }
        return "";
    }
}
