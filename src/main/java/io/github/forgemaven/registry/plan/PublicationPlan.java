package io.github.forgemaven.registry.plan;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A checked set of files for one package version: every name follows the servers' rules and every
 * file can be read. Built only through {@link #of}, so holding one means nothing is left to check.
 *
 * @param target where the files go
 * @param files the files, in upload order
 */
public record PublicationPlan(PackageCoordinates target, List<UploadFile> files) {

    /** The raw settings a plan is made from, as the user gave them. */
    public record Settings(
            String url, String owner, String packageName, String packageVersion, boolean allowInsecureHttp) {

        /** Settings that refuse plain {@code http://} to other hosts than this machine. */
        public Settings(String url, String owner, String packageName, String packageVersion) {
            this(url, owner, packageName, packageVersion, false);
        }
    }

    public PublicationPlan {
        files = List.copyOf(files);
    }

    /**
     * Checks everything that can be checked without the network, and reports every problem at once.
     *
     * @throws InvalidInputException naming each bad setting or file, the rule and the fix
     */
    public static PublicationPlan of(Settings settings, List<UploadFile> files) throws InvalidInputException {
        List<String> problems = new ArrayList<>();
        RegistryUrl.problemWith(settings.url())
                .ifPresent(p -> problems.add(
                        Parameter.URL + " '" + nullToEmpty(settings.url()) + "' cannot be used: " + p + "."));
        if (!settings.allowInsecureHttp()
                && RegistryUrl.problemWith(settings.url()).isEmpty()) {
            RegistryUrl.parse(settings.url()).cleartextProblem().ifPresent(problems::add);
        }
        NamingRules.checkOwner(settings.owner())
                .ifPresent(p -> problems.add(
                        Parameter.OWNER + " '" + nullToEmpty(settings.owner()) + "' is not valid: " + p + "."));
        NamingRules.checkPackageName(settings.packageName())
                .ifPresent(p -> problems.add(Parameter.PACKAGE_NAME + " '" + nullToEmpty(settings.packageName())
                        + "' is not valid: " + p + ". Set " + Parameter.PACKAGE_NAME.element() + " to a valid name."));
        NamingRules.checkVersion(settings.packageVersion())
                .ifPresent(p -> problems.add(
                        Parameter.PACKAGE_VERSION + " '" + nullToEmpty(settings.packageVersion()) + "' is not valid: "
                                + p + ". Set " + Parameter.PACKAGE_VERSION.element() + " to a valid version."));
        if (files.isEmpty()) {
            problems.add("There is nothing to upload.");
        }
        Map<String, UploadFile> byName = new HashMap<>();
        List<UploadFile> sized = new ArrayList<>();
        for (UploadFile file : files) {
            FileCheck check = check(file);
            if (check.problem() == null) {
                sized.add(check.file());
            } else {
                problems.add(check.problem());
            }
            UploadFile clash = byName.putIfAbsent(file.fileName().toLowerCase(Locale.ROOT), file);
            if (clash != null) {
                problems.add("The " + file.origin() + " and the " + clash.origin() + " would both be uploaded as '"
                        + file.fileName() + "' (the registry compares names ignoring case): give them different"
                        + " classifiers or extensions.");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        PackageCoordinates target = new PackageCoordinates(
                RegistryUrl.parse(settings.url()), settings.owner(), settings.packageName(), settings.packageVersion());
        return new PublicationPlan(target, sized);
    }

    /** The total number of bytes to upload. */
    public long totalBytes() {
        return files.stream().mapToLong(UploadFile::size).sum();
    }

    /** A file with its size, or what is wrong with it and how to fix that. */
    private record FileCheck(UploadFile file, String problem) {}

    /** Checks that the file can be uploaded and reads its size: the one time the size is read. */
    private static FileCheck check(UploadFile file) {
        var nameProblem = NamingRules.checkFileName(file.fileName());
        if (nameProblem.isPresent()) {
            return new FileCheck(
                    null,
                    "The " + file.origin() + " would be uploaded as '" + file.fileName()
                            + "', which the registry refuses: " + nameProblem.get() + ".");
        }
        Path path = file.path();
        if (path == null || !Files.exists(path)) {
            return new FileCheck(
                    null,
                    "The " + file.origin() + " '" + path + "' does not exist: run the"
                            + " build phase that creates it (e.g. mvn package) before this goal.");
        }
        if (!Files.isRegularFile(path)) {
            return new FileCheck(
                    null,
                    "The " + file.origin() + " '" + path + "' is not a regular file (a"
                            + " directory?): only files can be uploaded.");
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return new FileCheck(file.withSize(channel.size()), null);
        } catch (IOException | SecurityException e) {
            return new FileCheck(
                    null,
                    "The " + file.origin() + " '" + path + "' cannot be read (" + e + "): check its permissions.");
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
