package io.github.forgemaven.plugin;

import io.github.forgemaven.registry.Publication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The bookkeeping of {@code deployAtEnd}: each module leaves its publication (or a note that it
 * has none) in its plugin context, and the module that completes the set takes them all. A module
 * that fails before that never completes the set, so nothing is uploaded. Safe with {@code -T}.
 */
final class DeployAtEnd {

    static final String DEPLOY_PLUGIN_KEY = "org.apache.maven.plugins:maven-deploy-plugin";

    private final MavenSession session;
    private final PluginDescriptor plugin;
    private final String goal;
    private final String state;
    private final String claimed;

    DeployAtEnd(MavenSession session, PluginDescriptor plugin) {
        this(session, plugin, "deploy-generic");
    }

    /** The bookkeeping for another goal of this plugin that acts once for all modules, e.g. {@code release}. */
    DeployAtEnd(MavenSession session, PluginDescriptor plugin, String goal) {
        this.session = session;
        this.plugin = plugin;
        this.goal = goal;
        String prefix = DeployAtEnd.class.getName() + (goal.equals("deploy-generic") ? "" : "." + goal);
        this.state = prefix + ".state";
        this.claimed = prefix + ".claimed";
    }

    /** Like {@link #registerAndClaimIfLast(MavenProject, Optional)}, for any kind of module contribution. */
    <T> Optional<List<T>> registerAndClaimIfLast(MavenProject project, Optional<T> contribution, Class<T> type) {
        Map<String, Object> shared = session.getPluginContext(plugin, session.getTopLevelProject());
        synchronized (lock(shared)) {
            session.getPluginContext(plugin, project).put(state, contribution);
            List<T> all = new ArrayList<>();
            for (MavenProject module : session.getProjects()) {
                if (!runsTheGoal(module)) {
                    continue;
                }
                Object recorded = session.getPluginContext(plugin, module).get(state);
                if (recorded == null) {
                    return Optional.empty();
                }
                ((Optional<?>) recorded).map(type::cast).ifPresent(all::add);
            }
            if (shared.putIfAbsent(claimed, Boolean.TRUE) != null) {
                return Optional.empty();
            }
            return Optional.of(all);
        }
    }

    /**
     * maven-deploy-plugin's {@code deployAtEnd} for this project, for when {@code forge.deployAtEnd}
     * is not set: the {@code deployAtEnd} property (command line, then the POM's properties), then
     * the {@code <deployAtEnd>} of maven-deploy-plugin's configuration in the POM. Empty when
     * neither says anything, as maven-deploy-plugin then defaults to {@code false} too.
     */
    static Optional<Follow> ofDeployPlugin(MavenSession session, MavenProject project) {
        String property = property(session.getUserProperties(), session.getSystemProperties(), "deployAtEnd");
        if (property != null) {
            return Optional.of(new Follow(Boolean.parseBoolean(property.strip()), "-DdeployAtEnd=" + property.strip()));
        }
        property = project.getProperties().getProperty("deployAtEnd");
        if (property != null) {
            return Optional.of(new Follow(Boolean.parseBoolean(property.strip()), "the POM's <deployAtEnd> property"));
        }
        Plugin deploy = project.getPlugin(DEPLOY_PLUGIN_KEY);
        if (deploy == null) {
            return Optional.empty();
        }
        for (PluginExecution execution : deploy.getExecutions()) {
            if (execution.getGoals().contains("deploy")) {
                Optional<String> value = child(execution.getConfiguration(), "deployAtEnd");
                if (value.isPresent()) {
                    return Optional.of(new Follow(
                            Boolean.parseBoolean(value.get()),
                            "maven-deploy-plugin's <deployAtEnd> (execution " + execution.getId() + ")"));
                }
            }
        }
        return child(deploy.getConfiguration(), "deployAtEnd")
                .map(value -> new Follow(Boolean.parseBoolean(value), "maven-deploy-plugin's <deployAtEnd>"));
    }

    /**
     * maven-deploy-plugin's {@code deployAtEnd} as this goal follows it.
     *
     * @param deployAtEnd the value
     * @param source where it was read, for the log
     */
    record Follow(boolean deployAtEnd, String source) {}

    /**
     * Fails when this build was resumed ({@code -rf}) and modules before the resume point run the
     * goal: they are not part of this build, so deferring would publish an incomplete release.
     */
    void failIfResumedWithoutModules(List<String> goals) throws MojoFailureException {
        String resumeFrom =
                session.getRequest() == null ? null : session.getRequest().getResumeFrom();
        if (resumeFrom == null || resumeFrom.isBlank()) {
            return;
        }
        List<MavenProject> missing = leftOut();
        if (missing.isEmpty()) {
            return;
        }
        throw new MojoFailureException("This build was resumed (-rf " + resumeFrom.strip() + "), so "
                + missing.size() + " module(s) before the resume point that run forge:" + goal
                + " are not part of it and their files would not be published: " + names(missing)
                + ". With deployAtEnd, a release is published whole or not at all: run the whole build again,"
                + " the same command without -rf " + resumeFrom.strip() + " (" + command(goals)
                + "); files already published with the same content count as published.");
    }

    /** A line naming what a partial reactor ({@code -pl}) publishes and leaves out, if the build is one. */
    Optional<String> partialReactorLine() {
        List<MavenProject> leftOut = leftOut();
        if (leftOut.isEmpty()) {
            return Optional.empty();
        }
        List<MavenProject> published =
                session.getProjects().stream().filter(this::runsTheGoal).toList();
        return Optional.of("This build holds " + published.size() + " of the " + (published.size() + leftOut.size())
                + " modules that run forge:" + goal + ": publishing " + names(published)
                + "; left out (not selected, e.g. by -pl): " + names(leftOut) + ".");
    }

    /** What the failure message of a deferred upload adds, since Maven suggests resuming it with -rf. */
    static String noResumeAdvice() {
        return "With deployAtEnd, do not resume with -rf: a resumed build holds only the modules from the"
                + " resume point and would publish their files alone. Run the whole build again.";
    }

    /**
     * Records this module's publication (empty when it has nothing to upload) and, if it is the last
     * module of the build to run the goal, returns every module's publications, in reactor order.
     */
    Optional<List<Publication>> registerAndClaimIfLast(MavenProject project, Optional<Publication> publication) {
        return registerAndClaimIfLast(project, publication, Publication.class);
    }

    /** How many modules of the build run the goal. */
    long modulesRunningTheGoal() {
        return session.getProjects().stream().filter(this::runsTheGoal).count();
    }

    private Object lock(Map<String, Object> shared) {
        Object lock = shared.putIfAbsent(DeployAtEnd.class.getName() + ".lock", new Object());
        return lock != null ? lock : shared.get(DeployAtEnd.class.getName() + ".lock");
    }

    /** The modules of the whole reactor that run the goal but are not in this build. */
    private List<MavenProject> leftOut() {
        List<MavenProject> inBuild = session.getProjects();
        return allProjects().stream()
                .filter(p -> !inBuild.contains(p))
                .filter(this::runsTheGoal)
                .toList();
    }

    private List<MavenProject> allProjects() {
        try {
            List<MavenProject> all = session.getAllProjects();
            return all == null ? session.getProjects() : all;
        } catch (NoSuchMethodError olderMaven) {
            return session.getProjects();
        }
    }

    /**
     * Whether the module runs this goal: it is on the command line, or the module has an execution
     * of it that is not bound to phase {@code none} (as maven-deploy-plugin's deployAtEnd decides).
     */
    private boolean runsTheGoal(MavenProject module) {
        if (session.getGoals().stream().anyMatch(g -> g.endsWith(":" + goal))) {
            return true;
        }
        Plugin declared = module.getPlugin(plugin.getPluginLookupKey());
        if (declared == null) {
            return false;
        }
        for (PluginExecution execution : declared.getExecutions()) {
            if (execution.getGoals().contains(goal) && !"none".equalsIgnoreCase(execution.getPhase())) {
                return true;
            }
        }
        return false;
    }

    private static String names(List<MavenProject> projects) {
        // getAllProjects() is not in reactor order; sorted names read the same on every Maven
        return projects.stream().map(MavenProject::getArtifactId).sorted().collect(Collectors.joining(", "));
    }

    private static String command(List<String> goals) {
        return "mvn " + (goals == null || goals.isEmpty() ? "deploy" : String.join(" ", goals));
    }

    private static String property(Properties user, Properties system, String name) {
        String value = user == null ? null : user.getProperty(name);
        return value != null ? value : system == null ? null : system.getProperty(name);
    }

    private static Optional<String> child(Object configuration, String name) {
        if (configuration instanceof Xpp3Dom dom) {
            Xpp3Dom child = dom.getChild(name);
            if (child != null && child.getValue() != null && !child.getValue().isBlank()) {
                return Optional.of(child.getValue().strip());
            }
        }
        return Optional.empty();
    }
}
