package io.github.forgemaven.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.registry.plan.ArtifactRef;
import io.github.forgemaven.registry.plan.FileNameTemplate;
import io.github.forgemaven.registry.plan.Signatures;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactFilesTest {

    @TempDir
    Path dir;

    @Test
    void mainArtifactFirstThenPomThenAttachedInOrder() throws Exception {
        MavenProject project = project("jar", "1.0-SNAPSHOT");
        project.getArtifact().setFile(touch("app.jar"));
        project.addAttachedArtifact(artifact("1.0-SNAPSHOT", "sources", "jar", touch("s.jar")));
        project.addAttachedArtifact(artifact("1.0-SNAPSHOT", "linux-x64", "zip", touch("d.zip")));
        project.addAttachedArtifact(artifact("1.0-SNAPSHOT", null, "tar.gz", touch("d.tgz")));
        project.setFile(touch("pom.xml"));

        List<ArtifactRef> files = ArtifactFiles.of(project, true);
        FileNameTemplate names = FileNameTemplate.parse(FileNameTemplate.DEFAULT);

        assertEquals(
                List.of(
                        "app-1.0-SNAPSHOT.jar",
                        "app-1.0-SNAPSHOT.pom",
                        "app-1.0-SNAPSHOT-sources.jar",
                        "app-1.0-SNAPSHOT-linux-x64.zip",
                        "app-1.0-SNAPSHOT.tar.gz"),
                files.stream().map(f -> names.apply(f, "app", "1.0")).toList());
        assertEquals(
                List.of("main artifact", "POM", "attached sources jar", "attached linux-x64 zip", "attached tar.gz"),
                files.stream().map(ArtifactRef::origin).toList());
        assertEquals(dir.resolve("d.zip"), files.get(3).path());
    }

    @Test
    void maven4ConsumerPomIsThePomAndNeverAnAttachment() throws Exception {
        MavenProject project = project("jar", "1.0");
        project.getArtifact().setFile(touch("app.jar"));
        project.setFile(touch("pom.xml"));
        project.addAttachedArtifact(artifact("1.0", "consumer", "pom", touch("consumer-123.pom")));
        project.addAttachedArtifact(artifact("1.0", "sources", "jar", touch("s.jar")));
        FileNameTemplate names = FileNameTemplate.parse(FileNameTemplate.DEFAULT);

        List<ArtifactRef> withPom = ArtifactFiles.of(project, true);
        assertEquals(
                List.of("app-1.0.jar", "app-1.0.pom", "app-1.0-sources.jar"),
                withPom.stream().map(f -> names.apply(f, "app", "1.0")).toList());
        assertEquals(dir.resolve("consumer-123.pom"), withPom.get(1).path());
        assertEquals("consumer POM", withPom.get(1).origin());

        assertEquals(
                List.of("app-1.0.jar", "app-1.0-sources.jar"),
                ArtifactFiles.of(project, false).stream()
                        .map(f -> names.apply(f, "app", "1.0"))
                        .toList());
    }

    @Test
    void onMaven4ThePomsSignatureIsTheConsumerPomsAndTheBuildPomsIsLeftOut() throws Exception {
        // what maven-gpg-plugin attaches on Maven 4: the build POM's signature, then the consumer POM's
        MavenProject project = project("jar", "1.0");
        project.getArtifact().setFile(touch("app.jar"));
        project.setFile(touch("pom.xml"));
        project.addAttachedArtifact(artifact("1.0", "consumer", "pom", touch("consumer-123.pom")));
        project.addAttachedArtifact(artifact("1.0", null, "jar.asc", touch("app.jar.asc")));
        project.addAttachedArtifact(artifact("1.0", null, "pom.asc", touch("app.pom.asc")));
        project.addAttachedArtifact(artifact("1.0", "consumer", "pom.asc", touch("consumer-123.pom.asc")));
        FileNameTemplate names = FileNameTemplate.parse(FileNameTemplate.DEFAULT);

        List<ArtifactRef> files = ArtifactFiles.of(project, true);

        assertEquals(
                List.of("app-1.0.jar", "app-1.0.pom", "app-1.0.jar.asc", "app-1.0.pom.asc"),
                files.stream().map(f -> names.apply(f, "app", "1.0")).toList());
        assertEquals(dir.resolve("consumer-123.pom"), files.get(1).path());
        assertEquals(dir.resolve("consumer-123.pom.asc"), files.get(3).path(), "it signs the POM uploaded");
        assertTrue(Signatures.signs(files.get(3), files.get(1)));
        assertEquals(
                List.of("app-1.0.jar", "app-1.0.jar.asc", "app-1.0.pom.asc"),
                ArtifactFiles.of(project, false).stream()
                        .map(f -> names.apply(f, "app", "1.0"))
                        .toList(),
                "without the POM, one POM signature to leave out, named as on Maven 3");
    }

    @Test
    void onMaven3ThePomsSignatureIsTheBuildPoms() throws Exception {
        MavenProject project = project("jar", "1.0");
        project.getArtifact().setFile(touch("app.jar"));
        project.setFile(touch("pom.xml"));
        project.addAttachedArtifact(artifact("1.0", null, "pom.asc", touch("app.pom.asc")));

        List<ArtifactRef> files = ArtifactFiles.of(project, true);

        assertEquals(dir.resolve("pom.xml"), files.get(1).path());
        assertEquals(dir.resolve("app.pom.asc"), files.get(2).path());
        assertTrue(Signatures.signs(files.get(2), files.get(1)));
    }

    @Test
    void aPomAggregatorWithOnlyMaven4ConsumerPomAttachedHasNothingAttached() throws Exception {
        MavenProject project = project("pom", "1.0");
        project.addAttachedArtifact(artifact("1.0", "consumer", "pom", touch("consumer-1.pom")));
        assertEquals(List.of(), ArtifactFiles.attached(project));
        assertEquals(List.of(), ArtifactFiles.of(project, false));
    }

    @Test
    void aSnapshotIsNamedByItsBaseVersionNotItsTimestamp() throws Exception {
        MavenProject project = project("jar", "1.0-20261125.101010-3");
        project.getArtifact().setFile(touch("app.jar"));
        assertEquals("1.0-SNAPSHOT", project.getArtifact().getBaseVersion());
        assertEquals("1.0-SNAPSHOT", ArtifactFiles.of(project, false).get(0).version());
    }

    @Test
    void pomPackagingUploadsOnlyItsAttachments() throws Exception {
        MavenProject project = project("pom", "2.0");
        project.addAttachedArtifact(artifact("2.0", "dist", "zip", touch("dist.zip")));
        assertEquals(
                List.of("app-2.0-dist:zip"),
                ArtifactFiles.of(project, false).stream()
                        .map(f -> f.artifactId() + "-" + f.version() + "-" + f.selector())
                        .toList());
    }

    @Test
    void aPackagingWithoutFileFailsLikeMavenDeployPlugin() {
        MavenProject project = project("jar", "1.0");
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> ArtifactFiles.of(project, false));
        assertTrue(
                e.getMessage()
                        .startsWith("The packaging of this project (jar) did not assign a file to the build artifact"),
                e.getMessage());
    }

    private File touch(String name) throws Exception {
        return Files.writeString(dir.resolve(name), name).toFile();
    }

    private static MavenProject project(String packaging, String version) {
        Model model = new Model();
        model.setGroupId("com.example");
        model.setArtifactId("app");
        model.setVersion(version);
        model.setPackaging(packaging);
        MavenProject project = new MavenProject(model);
        project.setArtifact(artifact(version, null, packaging, null));
        return project;
    }

    private static Artifact artifact(String version, String classifier, String extension, File file) {
        DefaultArtifactHandler handler = new DefaultArtifactHandler(extension);
        handler.setExtension(extension);
        DefaultArtifact artifact =
                new DefaultArtifact("com.example", "app", version, null, extension, classifier, handler);
        artifact.setFile(file);
        return artifact;
    }
}
