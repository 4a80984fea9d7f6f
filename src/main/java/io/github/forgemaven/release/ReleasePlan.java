package io.github.forgemaven.release;

import io.github.forgemaven.registry.plan.ExistingFilePolicy;
import io.github.forgemaven.registry.plan.InvalidInputException;
import io.github.forgemaven.registry.plan.NamingRules;
import io.github.forgemaven.registry.plan.PackageCoordinates;
import io.github.forgemaven.registry.plan.Parameter;
import io.github.forgemaven.registry.plan.PublicationPlan;
import io.github.forgemaven.registry.plan.RegistryUrl;
import io.github.forgemaven.registry.plan.UploadFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A checked release: where, which tag at which commit, its text, and its assets, every name and
 * file checked the way {@code deploy-generic} checks its own. Built only through {@link #of}.
 *
 * @param server the server's base URL
 * @param owner the repository's owner
 * @param repository the repository's name
 * @param tag the tag of the release
 * @param target the full SHA of the commit the release is made from
 * @param title the release's title
 * @param notes the release notes, possibly empty
 * @param prerelease whether it is marked as a pre-release
 * @param draft whether it stays a draft
 * @param checksums the name of the checksum asset, or {@code null} for none
 * @param policy what to do with an asset of the same name and other content
 * @param assets the files to attach, in order
 * @param packageFiles where {@code deploy-generic} put the same files, to link instead of upload; or {@code null}
 * @param workDirectory where the checksum file is written before it is uploaded
 */
public record ReleasePlan(
        RegistryUrl server,
        String owner,
        String repository,
        String tag,
        String target,
        String title,
        String notes,
        boolean prerelease,
        boolean draft,
        String checksums,
        ExistingFilePolicy policy,
        List<UploadFile> assets,
        PackageCoordinates packageFiles,
        Path workDirectory) {

    /** The settings a plan is made from, as the user gave them (after defaults). */
    public record Settings(
            String url,
            String owner,
            String repository,
            String tag,
            String target,
            String title,
            String notes,
            boolean prerelease,
            boolean draft,
            String checksums,
            ExistingFilePolicy policy,
            boolean allowInsecureHttp,
            boolean linkPackageFiles,
            String packageName,
            String packageVersion,
            Path workDirectory) {}

    public ReleasePlan {
        assets = List.copyOf(assets);
    }

    /**
     * Checks everything that can be checked without the network, and reports every problem at once.
     *
     * @throws InvalidInputException naming each bad setting or file, the rule and the fix
     */
    public static ReleasePlan of(Settings settings, List<UploadFile> assets) throws InvalidInputException {
        List<String> problems = new ArrayList<>();
        RegistryUrl.problemWith(settings.url())
                .ifPresent(p -> problems.add(Parameter.URL + " '" + (settings.url() == null ? "" : settings.url())
                        + "' cannot be used: " + p + "."));
        if (!settings.allowInsecureHttp()
                && RegistryUrl.problemWith(settings.url()).isEmpty()) {
            RegistryUrl.parse(settings.url()).cleartextProblem().ifPresent(problems::add);
        }
        NamingRules.checkOwner(settings.owner())
                .ifPresent(p -> problems.add(Parameter.OWNER + " '" + (settings.owner() == null ? "" : settings.owner())
                        + "' is not valid: " + p + "."));
        if (!assets.isEmpty()) {
            try {
                // The same checks as deploy-generic's: names of the files, files readable, no clashes.
                PublicationPlan.of(
                        new PublicationPlan.Settings(
                                settings.url(),
                                settings.owner(),
                                settings.packageName(),
                                settings.packageVersion(),
                                settings.allowInsecureHttp()),
                        assets);
            } catch (InvalidInputException e) {
                e.problems().stream()
                        .filter(p -> !problems.contains(p))
                        .filter(p -> settings.linkPackageFiles() || !isAboutPackage(p))
                        .forEach(problems::add);
            }
        }
        String repository = settings.repository();
        if (repository == null || !repository.matches("[A-Za-z0-9._-]+") || repository.matches("\\.+")) {
            problems.add(Parameter.REPOSITORY + " '" + (repository == null ? "" : repository)
                    + "' is not a repository name (letters, digits, '-', '_' and '.'): set it to the name of the"
                    + " repository under " + Parameter.OWNER.element() + " that gets the release.");
        }
        String tag = settings.tag();
        if (tag == null || tag.isBlank() || !tag.equals(tag.strip()) || tag.contains(" ") || tag.contains("..")) {
            problems.add(Parameter.TAG + " '" + (tag == null ? "" : tag) + "' is not a git tag name (no spaces, no"
                    + " '..'): set " + Parameter.TAG.element() + " to the tag the release is for.");
        }
        String target = settings.target();
        if (target == null || !target.matches("[0-9a-f]{40}|[0-9a-f]{64}")) {
            problems.add("The commit the build was made from is unknown ('" + (target == null ? "" : target)
                    + "'): run the build in the git checkout of the release, or set GITHUB_SHA to its full SHA.");
        }
        String checksums = settings.checksums() == null || settings.checksums().isBlank()
                ? null
                : settings.checksums().strip();
        if (checksums != null) {
            NamingRules.checkFileName(checksums)
                    .ifPresent(p -> problems.add(Parameter.CHECKSUMS + " '" + settings.checksums()
                            + "' is not a valid asset name: " + p + "."));
            for (UploadFile asset : assets) {
                if (asset.fileName().equalsIgnoreCase(checksums)) {
                    problems.add("The " + asset.origin() + " would be attached as '" + asset.fileName()
                            + "', the name of the checksum file: rename it, or set " + Parameter.CHECKSUMS.element()
                            + " to another name.");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ReleasePlan(
                RegistryUrl.parse(settings.url()),
                settings.owner(),
                repository,
                tag,
                target,
                settings.title() == null || settings.title().isBlank() ? tag : settings.title(),
                settings.notes() == null ? "" : settings.notes(),
                settings.prerelease(),
                settings.draft(),
                checksums,
                settings.policy(),
                assets,
                settings.linkPackageFiles()
                        ? new PackageCoordinates(
                                RegistryUrl.parse(settings.url()),
                                settings.owner(),
                                settings.packageName(),
                                settings.packageVersion())
                        : null,
                settings.workDirectory());
    }

    /** This plan with the assets of other modules added (the release is made once, with all of them). */
    public ReleasePlan withAssets(List<UploadFile> all) throws InvalidInputException {
        List<String> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (UploadFile file : all) {
            String key = file.fileName().toLowerCase(Locale.ROOT);
            if (seen.contains(key)) {
                problems.add("Two modules would attach an asset named '" + file.fileName() + "' to release " + tag
                        + " (the last is the " + file.origin() + "): give them different "
                        + Parameter.FILE_NAMES.element() + " or"
                        + " " + Parameter.INCLUDES.element() + ".");
            }
            seen.add(key);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ReleasePlan(
                server,
                owner,
                repository,
                tag,
                target,
                title,
                notes,
                prerelease,
                draft,
                checksums,
                policy,
                all,
                packageFiles,
                workDirectory);
    }

    /** {@code owner/repository}, for messages. */
    public String describe() {
        return owner + "/" + repository;
    }

    /** The total number of bytes of the assets. */
    public long totalBytes() {
        return assets.stream().mapToLong(f -> f.path().toFile().length()).sum();
    }

    private static boolean isAboutPackage(String problem) {
        return problem.startsWith(Parameter.PACKAGE_NAME.element())
                || problem.startsWith(Parameter.PACKAGE_VERSION.element());
    }
}
