package io.github.forgemaven.plugin;

import io.github.forgemaven.registry.ArtifactRef;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/** Turns a project's main and attached artifacts into the build's files. */
final class ArtifactFiles {

    private ArtifactFiles() {}

    /**
     * The project's files: the main artifact first, then the POM if asked for, then the attached
     * artifacts in the order they were attached.
     *
     * @throws MojoFailureException when a project that should have built a file did not
     */
    static List<ArtifactRef> of(MavenProject project, boolean includePom) throws MojoFailureException {
        List<ArtifactRef> files = new ArrayList<>();
        Artifact main = project.getArtifact();
        if (!"pom".equals(project.getPackaging())) {
            if (main.getFile() == null || !main.getFile().isFile()) {
                throw new MojoFailureException("The packaging of this project (" + project.getPackaging() + ") did not"
                        + " assign a file to the build artifact: run the goal as part of a build that packages the"
                        + " project (mvn deploy, or mvn package forge:deploy-generic), not on its own.");
            }
            files.add(ref(main, "main artifact"));
        }
        if (includePom) {
            File pom = project.getFile();
            files.add(new ArtifactRef(
                    main.getGroupId(),
                    main.getArtifactId(),
                    main.getBaseVersion(),
                    "",
                    "pom",
                    pom == null ? null : pom.toPath(),
                    "POM"));
        }
        for (Artifact attached : project.getAttachedArtifacts()) {
            String what = "attached " + (attached.hasClassifier() ? attached.getClassifier() + " " : "")
                    + attached.getArtifactHandler().getExtension();
            files.add(ref(attached, what));
        }
        return files;
    }

    private static ArtifactRef ref(Artifact artifact, String origin) {
        return new ArtifactRef(
                artifact.getGroupId(),
                artifact.getArtifactId(),
                artifact.getBaseVersion(),
                artifact.hasClassifier() ? artifact.getClassifier() : "",
                artifact.getArtifactHandler().getExtension(),
                artifact.getFile() == null ? null : artifact.getFile().toPath(),
                origin);
    }
}
