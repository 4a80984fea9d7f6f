package io.github.forgemaven.plugin;

import io.github.forgemaven.registry.plan.ArtifactFilter;
import io.github.forgemaven.registry.plan.ExtraFiles;
import io.github.forgemaven.registry.plan.FileNameTemplate;
import io.github.forgemaven.registry.plan.InvalidInputException;
import io.github.forgemaven.registry.plan.UploadFile;
import io.github.forgemaven.registry.plan.UploadList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/**
 * Which files of a project to upload, and under which names.
 *
 * @param includePom also the POM
 * @param includes {@code classifier:extension} patterns to keep (none: all)
 * @param excludes {@code classifier:extension} patterns to drop
 * @param extraFiles glob patterns of further files, relative to the project directory
 * @param fileNames the file name template
 */
record ProjectUploads(
        boolean includePom, List<String> includes, List<String> excludes, List<String> extraFiles, String fileNames) {

    ProjectUploads {
        includes = includes == null ? List.of() : includes;
        excludes = excludes == null ? List.of() : excludes;
        extraFiles = extraFiles == null ? List.of() : extraFiles;
    }

    /** Whether this selection names anything besides the project's attached artifacts. */
    boolean addsFiles() {
        return includePom || !extraFiles.isEmpty();
    }

    /**
     * The names of the project's signatures that are left out because the file they sign is not
     * uploaded (the POM without {@code includePom}, an excluded artifact).
     */
    List<String> signaturesLeftOut(MavenProject project, String packageName, String packageVersion)
            throws MojoFailureException {
        FileNameTemplate names = FileNameTemplate.parse(fileNames);
        return UploadList.signaturesWithoutTheirFile(
                        ArtifactFiles.of(project, includePom), ArtifactFilter.of(includes, excludes))
                .stream()
                .map(signature -> names.apply(signature, packageName, packageVersion))
                .toList();
    }

    /** The project's files to upload, named for the registry. */
    List<UploadFile> of(MavenProject project, String packageName, String packageVersion)
            throws MojoFailureException, MojoExecutionException {
        FileNameTemplate names;
        try {
            names = FileNameTemplate.parse(fileNames);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("<fileNames> (forge.fileNames) '" + fileNames + "' is not a valid template: "
                    + e.getMessage() + ". The default is " + FileNameTemplate.DEFAULT + ".");
        }
        try {
            List<Path> extra = ExtraFiles.find(project.getBasedir().toPath(), extraFiles);
            return UploadList.of(
                    ArtifactFiles.of(project, includePom),
                    ArtifactFilter.of(includes, excludes),
                    names,
                    packageName,
                    packageVersion,
                    extra);
        } catch (InvalidInputException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Looking for <files> under " + project.getBasedir() + " failed: " + e, e);
        }
    }
}
