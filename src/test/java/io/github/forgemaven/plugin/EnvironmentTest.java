package io.github.forgemaven.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.junit.jupiter.api.Test;

/** The goals read environment variables through Maven's session, so no test needs a real environment. */
class EnvironmentTest {

    @Test
    void theEnvironmentIsMavensEnvProperties() {
        Properties system = new Properties();
        system.setProperty("env.FORGE_TOKEN", "t0ken");
        system.setProperty("env.GITHUB_STEP_SUMMARY", "/tmp/summary.md");
        system.setProperty("user.home", "/home/someone");
        system.setProperty("environment.FORGE_USERNAME", "not an env property");
        MavenExecutionRequest request = new DefaultMavenExecutionRequest().setSystemProperties(system);
        @SuppressWarnings("deprecation")
        MavenSession session = new MavenSession(null, request, new DefaultMavenExecutionResult(), List.of());
        AbstractForgeMojo mojo = new AbstractForgeMojo(null) {
            @Override
            public void execute() {}
        };
        mojo.session = session;

        assertEquals(Map.of("FORGE_TOKEN", "t0ken", "GITHUB_STEP_SUMMARY", "/tmp/summary.md"), mojo.environment());
    }
}
