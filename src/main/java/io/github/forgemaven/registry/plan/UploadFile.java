package io.github.forgemaven.registry.plan;

import java.nio.file.Path;

/**
 * One local file and the name it gets in the package version.
 *
 * @param fileName the name in the registry
 * @param path the local file
 * @param origin what the file is, in the user's words (e.g. {@code main artifact}, {@code attached sources jar})
 */
public record UploadFile(String fileName, Path path, String origin) {}
