package io.github.forgemaven.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Properties;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/** How the goal follows maven-deploy-plugin's {@code deployAtEnd} when {@code forge.deployAtEnd} is not set. */
class DeployAtEndTest {

    @Test
    void nothingSaidMeansMavenDeployPluginsDefault() {
        assertEquals(Optional.empty(), DeployAtEnd.ofDeployPlugin(session(new Properties()), project()));
    }

    @Test
    void commandLinePropertyWins() {
        Properties user = new Properties();
        user.setProperty("deployAtEnd", "true");
        MavenProject project = project();
        project.getProperties().setProperty("deployAtEnd", "false");

        assertEquals(
                Optional.of(new DeployAtEnd.Follow(true, "-DdeployAtEnd=true")),
                DeployAtEnd.ofDeployPlugin(session(user), project));
    }

    @Test
    void pomPropertyIsFollowed() {
        MavenProject project = project();
        project.getProperties().setProperty("deployAtEnd", "true");

        assertEquals(
                Optional.of(new DeployAtEnd.Follow(true, "the POM's <deployAtEnd> property")),
                DeployAtEnd.ofDeployPlugin(session(new Properties()), project));
    }

    @Test
    void deployPluginConfigurationIsFollowedAndAnExecutionsOwnComesFirst() {
        MavenProject project = project();
        Plugin deploy = new Plugin();
        deploy.setArtifactId("maven-deploy-plugin");
        deploy.setConfiguration(config("false"));
        project.getBuild().addPlugin(deploy);
        assertEquals(
                Optional.of(new DeployAtEnd.Follow(false, "maven-deploy-plugin's <deployAtEnd>")),
                DeployAtEnd.ofDeployPlugin(session(new Properties()), project));

        PluginExecution execution = new PluginExecution();
        execution.setId("default-deploy");
        execution.addGoal("deploy");
        execution.setConfiguration(config("true"));
        deploy.addExecution(execution);
        project.getBuild().flushPluginMap();
        assertEquals(
                Optional.of(
                        new DeployAtEnd.Follow(true, "maven-deploy-plugin's <deployAtEnd> (execution default-deploy)")),
                DeployAtEnd.ofDeployPlugin(session(new Properties()), project));
    }

    private static Xpp3Dom config(String deployAtEnd) {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom child = new Xpp3Dom("deployAtEnd");
        child.setValue(deployAtEnd);
        configuration.addChild(child);
        return configuration;
    }

    private static MavenProject project() {
        Model model = new Model();
        model.setGroupId("it.forge");
        model.setArtifactId("app");
        model.setVersion("1.0");
        model.setBuild(new Build());
        return new MavenProject(model);
    }

    @SuppressWarnings("deprecation")
    private static MavenSession session(Properties user) {
        MavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setUserProperties(user);
        request.setSystemProperties(new Properties());
        return new MavenSession(null, null, request, null);
    }
}
