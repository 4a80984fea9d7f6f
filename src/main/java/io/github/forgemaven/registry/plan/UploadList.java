package io.github.forgemaven.registry.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Turns a build's artifacts and extra files into the named files to upload. */
public final class UploadList {

    private UploadList() {}

    /**
     * The artifacts the filter accepts, named by the template, then the extra files under their own names.
     *
     * @throws InvalidInputException when the filter leaves nothing at all to upload
     */
    public static List<UploadFile> of(
            List<ArtifactRef> artifacts,
            ArtifactFilter filter,
            FileNameTemplate names,
            String packageName,
            String packageVersion,
            List<Path> extraFiles)
            throws InvalidInputException {
        List<UploadFile> files = new ArrayList<>();
        for (ArtifactRef artifact : artifacts) {
            if (filter.accepts(artifact)) {
                files.add(new UploadFile(
                        names.apply(artifact, packageName, packageVersion), artifact.path(), artifact.origin()));
            }
        }
        if (files.isEmpty() && !artifacts.isEmpty() && extraFiles.isEmpty()) {
            throw new InvalidInputException(List.of("<includes>/<excludes> leave nothing to upload; the project's"
                    + " artifacts are "
                    + String.join(
                            ", ", artifacts.stream().map(ArtifactRef::selector).toList())
                    + " (as classifier:extension)."));
        }
        for (Path extra : extraFiles) {
            files.add(new UploadFile(extra.getFileName().toString(), extra, "extra file"));
        }
        return files;
    }
}
