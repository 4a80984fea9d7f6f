package io.github.forgemaven.registry.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Turns a build's artifacts and extra files into the named files to upload. */
public final class UploadList {

    private UploadList() {}

    /**
     * The artifacts the filter accepts, named by the template, then the extra files under their own
     * names. A signature (see {@link Signatures}) goes with the file it signs: it is uploaded when
     * that file is and no exclude names the signature itself, and never without that file.
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
            if (uploads(artifact, artifacts, filter)) {
                files.add(new UploadFile(
                        names.apply(artifact, packageName, packageVersion), artifact.path(), artifact.origin()));
            }
        }
        if (files.isEmpty() && !artifacts.isEmpty() && extraFiles.isEmpty()) {
            throw new InvalidInputException(List.of(Parameter.INCLUDES.element() + "/" + Parameter.EXCLUDES.element()
                    + " leave nothing to upload; the project's"
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

    /**
     * The signatures that the filter alone would upload but whose signed file is not uploaded (an
     * excluded artifact, or the POM without {@code includePom}): they are left out.
     */
    public static List<ArtifactRef> signaturesWithoutTheirFile(List<ArtifactRef> artifacts, ArtifactFilter filter) {
        return artifacts.stream()
                .filter(Signatures::isSignature)
                .filter(filter::accepts)
                .filter(signature -> !uploads(signature, artifacts, filter))
                .toList();
    }

    private static boolean uploads(ArtifactRef artifact, List<ArtifactRef> artifacts, ArtifactFilter filter) {
        if (!Signatures.isSignature(artifact)) {
            return filter.accepts(artifact);
        }
        return !filter.excludes(artifact)
                && artifacts.stream()
                        .filter(signed -> Signatures.signs(artifact, signed))
                        .anyMatch(signed -> uploads(signed, artifacts, filter));
    }
}
