package io.github.forgemaven.plugin;

import io.github.forgemaven.registry.Publication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;

/**
 * The bookkeeping of {@code deployAtEnd}: each module leaves its publication (or a note that it
 * has none) in its plugin context, and the module that completes the set takes them all. A module
 * that fails before that never completes the set, so nothing is uploaded. Safe with {@code -T}.
 */
final class DeployAtEnd {

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

    private boolean runsTheGoal(MavenProject module) {
        if (session.getGoals().stream().anyMatch(g -> g.endsWith(":" + goal))) {
            return true;
        }
        Plugin declared = module.getPlugin(plugin.getPluginLookupKey());
        if (declared == null) {
            return false;
        }
        for (PluginExecution execution : declared.getExecutions()) {
            if (execution.getGoals().contains(goal)) {
                return true;
            }
        }
        return false;
    }
}
