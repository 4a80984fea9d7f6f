package io.github.forgemaven.plugin;

import io.github.forgemaven.registry.plan.ArtifactRef;
import io.github.forgemaven.registry.plan.Signatures;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/** Turns a project's main and attached artifacts into the build's files. */
final class ArtifactFiles {

    /**
     * Maven 4 attaches to every project a {@code pom} artifact classified {@code consumer}: the
     * consumer POM, which its install and deploy publish as the project's POM (and the POM of the
     * build as classifier {@code build}). They recognise it by this classifier and extension alone;
     * so does this class. Maven 3 attaches nothing of the kind.
     */
    static final String CONSUMER_POM_CLASSIFIER = "consumer";

    private ArtifactFiles() {}

    /**
     * The project's files: the main artifact first, then the POM if asked for (on Maven 4 the
     * consumer POM, the one Maven 4 deploys), then the attached artifacts in the order they were
     * attached.
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
            Optional<Artifact> consumerPom = consumerPom(project);
            File pom = consumerPom.isPresent() ? consumerPomFile(consumerPom.get()) : project.getFile();
            files.add(new ArtifactRef(
                    main.getGroupId(),
                    main.getArtifactId(),
                    main.getBaseVersion(),
                    "",
                    "pom",
                    pom == null ? null : pom.toPath(),
                    consumerPom.isPresent() ? "consumer POM" : "POM"));
        }
        for (Artifact attached : attached(project)) {
            if (isConsumerPomSignature(attached)) {
                // the signature of the POM uploaded above, so named and paired as that POM's
                files.add(new ArtifactRef(
                        attached.getGroupId(),
                        attached.getArtifactId(),
                        attached.getBaseVersion(),
                        "",
                        attached.getArtifactHandler().getExtension(),
                        attached.getFile() == null ? null : attached.getFile().toPath(),
                        "signature of the consumer POM"));
                continue;
            }
            String what = "attached " + (attached.hasClassifier() ? attached.getClassifier() + " " : "")
                    + attached.getArtifactHandler().getExtension();
            files.add(ref(attached, what));
        }
        return files;
    }

    /**
     * The attached artifacts that the build produced, without Maven 4's consumer POM. Where there
     * is one, the POM this goal uploads is the consumer POM, so a signer's {@code pom.asc} of the
     * build POM signs bytes that are never uploaded: it is left out, and the signature of the
     * consumer POM (classified {@code consumer}) stands for the POM's, as Maven 4's deploy renames
     * both.
     */
    static List<Artifact> attached(MavenProject project) {
        boolean consumerPom = consumerPom(project).isPresent();
        return project.getAttachedArtifacts().stream()
                .filter(a -> !isConsumerPom(a))
                .filter(a -> !(consumerPom && isBuildPomSignature(a)))
                .toList();
    }

    /** Maven 4's consumer POM of the project; empty on Maven 3 or with {@code -Dmaven.consumer.pom=false}. */
    static Optional<Artifact> consumerPom(MavenProject project) {
        return project.getAttachedArtifacts().stream()
                .filter(ArtifactFiles::isConsumerPom)
                .findFirst();
    }

    private static boolean isConsumerPom(Artifact artifact) {
        return CONSUMER_POM_CLASSIFIER.equals(artifact.getClassifier())
                && "pom".equals(artifact.getArtifactHandler().getExtension());
    }

    /** A detached signature of Maven 4's consumer POM, e.g. maven-gpg-plugin's {@code app-1.0-consumer.pom.asc}. */
    private static boolean isConsumerPomSignature(Artifact artifact) {
        return CONSUMER_POM_CLASSIFIER.equals(artifact.getClassifier()) && signsPom(artifact);
    }

    /** A detached signature of the project's own (build) POM, e.g. {@code app-1.0.pom.asc}. */
    private static boolean isBuildPomSignature(Artifact artifact) {
        return !artifact.hasClassifier() && signsPom(artifact);
    }

    private static boolean signsPom(Artifact artifact) {
        return Signatures.signedExtension(artifact.getArtifactHandler().getExtension())
                .filter("pom"::equals)
                .isPresent();
    }

    /** Maven 4 writes the consumer POM when its file is first asked for, and may fail to. */
    private static File consumerPomFile(Artifact consumerPom) throws MojoFailureException {
        try {
            return consumerPom.getFile();
        } catch (RuntimeException e) {
            throw new MojoFailureException(
                    "Maven could not build the consumer POM of this project (" + e.getMessage() + "): fix the"
                            + " POM, or upload the build POM instead by building with -Dmaven.consumer.pom=false.",
                    e);
        }
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
