package io.github.forgemaven.plugin;

import io.github.forgemaven.registry.UploadFile;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/** Turns a project's main and attached artifacts into the files to upload. */
final class ArtifactFiles {

    private ArtifactFiles() {}

    /**
     * The project's files, main artifact first, then the POM if asked for, then the attached
     * artifacts in the order they were attached. Each is named
     * {@code {artifactId}-{version}[-{classifier}].{extension}}.
     *
     * @throws MojoFailureException when a project that should have built a file did not
     */
    static List<UploadFile> of(MavenProject project, boolean includePom) throws MojoFailureException {
        List<UploadFile> files = new ArrayList<>();
        Artifact main = project.getArtifact();
        boolean pomPackaging = "pom".equals(project.getPackaging());
        if (!pomPackaging) {
            if (main.getFile() == null || !main.getFile().isFile()) {
                throw new MojoFailureException("The packaging of this project (" + project.getPackaging() + ") did not"
                        + " assign a file to the build artifact: run the goal as part of a build that packages the"
                        + " project (mvn deploy, or mvn package forge:deploy-generic), not on its own.");
            }
            files.add(new UploadFile(fileName(main), main.getFile().toPath(), "main artifact"));
        }
        if (includePom) {
            File pom = project.getFile();
            files.add(new UploadFile(
                    main.getArtifactId() + "-" + main.getBaseVersion() + ".pom",
                    pom == null ? null : pom.toPath(),
                    "POM"));
        }
        for (Artifact attached : project.getAttachedArtifacts()) {
            String what = "attached " + (attached.hasClassifier() ? attached.getClassifier() + " " : "")
                    + attached.getArtifactHandler().getExtension();
            files.add(new UploadFile(
                    fileName(attached),
                    attached.getFile() == null ? null : attached.getFile().toPath(),
                    what));
        }
        return files;
    }

    static String fileName(Artifact artifact) {
        String classifier = artifact.hasClassifier() ? "-" + artifact.getClassifier() : "";
        return artifact.getArtifactId() + "-" + artifact.getBaseVersion() + classifier + "."
                + artifact.getArtifactHandler().getExtension();
    }
}
