package io.github.forgemaven.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.docs.PluginDescriptor.Goal;
import io.github.forgemaven.docs.PluginDescriptor.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built site against the descriptor: every goal has its page and a menu entry, and every
 * parameter appears on its goal's page, in the summary table and in its details with its user
 * property, default and {@code @since}.
 *
 * <p>It reads {@code target/site}, so it runs after {@code ./mvnw -B site}, not in the default
 * suite (surefire's default includes do not match {@code *Check}): {@code .ci/run} calls it with
 * {@code ./mvnw -B -o surefire:test -Dtest=SiteGoalPagesCheck}.
 */
class SiteGoalPagesCheck {

    static final Path SITE = Path.of("target", "site");

    @Test
    void everyParameterIsOnItsGoalPageWithItsUserProperty() throws Exception {
        PluginDescriptor descriptor = PluginDescriptor.read();
        List<String> problems = new ArrayList<>();
        for (Goal goal : descriptor.goals()) {
            Path page = SITE.resolve(goal.name() + "-mojo.html");
            if (!Files.isRegularFile(page)) {
                problems.add(page + " is missing: run ./mvnw -B site first");
                continue;
            }
            problems.addAll(differences(goal, Files.readString(page)));
        }
        assertEquals(List.of(), problems, () -> String.join("\n", problems));
    }

    @Test
    void theGoalsOverviewAndTheMenuNameEveryGoal() throws Exception {
        PluginDescriptor descriptor = PluginDescriptor.read();
        String overview = Files.readString(SITE.resolve("plugin-info.html"));
        String menu = Files.readString(Path.of("src", "site", "site.xml"));
        for (Goal goal : descriptor.goals()) {
            String page = goal.name() + "-mojo.html";
            assertTrue(overview.contains("href=\"" + page + "\""), () -> "plugin-info.html does not link " + page);
            assertTrue(
                    menu.contains("href=\"" + page + "\""),
                    () -> "src/site/site.xml has no menu item for " + page + ": add <item name=\""
                            + descriptor.goalPrefix() + ":" + goal.name() + "\" href=\"" + page + "\" />");
        }
        for (String page : List.of(
                "index.html",
                "usage.html",
                "error-hints.html",
                "examples/forgejo.html",
                "examples/gitea.html",
                "examples/github-actions.html",
                "examples/release-perform.html",
                "examples/credentials.html",
                "examples/proxies.html",
                "examples/re-runs.html")) {
            assertTrue(Files.isRegularFile(SITE.resolve(page)), () -> "the site has no " + page);
        }
    }

    @Test
    void theCheckSeesAParameterMissingFromThePageAndAWrongUserProperty() throws Exception {
        PluginDescriptor descriptor = PluginDescriptor.read();
        Goal goal = descriptor.goals().stream()
                .filter(g -> g.name().equals("deploy-generic"))
                .findFirst()
                .orElseThrow();
        String page = Files.readString(SITE.resolve("deploy-generic-mojo.html"))
                .replace("<code>forge.owner</code>", "<code>forge.ownr</code>")
                .replace("<a id=\"retries\"></a>", "");

        String problems = String.join("\n", differences(goal, page));

        assertTrue(problems.contains("'owner': no 'User Property: forge.owner'"), problems);
        assertTrue(problems.contains("'retries' has no details section"), problems);
    }

    static List<String> differences(Goal goal, String html) {
        List<String> problems = new ArrayList<>();
        String where = goal.name() + "-mojo.html";
        for (Parameter p : goal.parameters()) {
            if (!html.contains("<a href=\"#" + p.name() + "\"><code>&lt;" + p.name() + "&gt;</code></a>")) {
                problems.add(where + ": '" + p.name() + "' is not in the parameter summary");
            }
            int start = html.indexOf("<a id=\"" + p.name() + "\"></a>");
            if (start < 0) {
                problems.add(where + ": '" + p.name() + "' has no details section");
                continue;
            }
            int end = html.indexOf("<hr />", start);
            String details = html.substring(start, end < 0 ? html.length() : end);
            p.userProperty().ifPresent(property -> {
                if (!details.contains("<strong>User Property</strong>: <code>" + property + "</code>")) {
                    problems.add(where + ": '" + p.name() + "': no 'User Property: " + property + "'");
                }
            });
            p.defaultValue().ifPresent(value -> {
                if (!details.contains("<strong>Default</strong>: <code>" + escape(value) + "</code>")) {
                    problems.add(where + ": '" + p.name() + "': no 'Default: " + value + "'");
                }
            });
            if (!p.since().isEmpty() && !details.contains("<strong>Since</strong>: <code>" + p.since() + "</code>")) {
                problems.add(where + ": '" + p.name() + "': no 'Since: " + p.since() + "'");
            }
        }
        return problems;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
