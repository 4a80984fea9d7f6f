package io.github.forgemaven.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.docs.PluginDescriptor.Goal;
import io.github.forgemaven.docs.PluginDescriptor.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README keeps, for each goal a user runs, a table of its parameters under the heading
 * {@code ### Parameters of `forge:<goal>`}: columns parameter, user property, default, meaning. The
 * descriptor is the source of truth; this test fails when the two differ, and its message holds the
 * table the descriptor gives, to paste (with the meanings shortened as the README likes).
 */
class ReadmeParametersTest {

    static final Path README = Path.of("README.md");

    /** One row of a README table. */
    record Row(String parameter, String userProperty, String defaultValue, String meaning) {}

    @Test
    void everyGoalHasItsParameterTableInTheReadme() throws Exception {
        PluginDescriptor descriptor = PluginDescriptor.read();
        String readme = Files.readString(README);
        List<String> problems = new ArrayList<>();
        for (Goal goal : descriptor.userGoals()) {
            problems.addAll(differences(descriptor.goalPrefix(), goal, tableOf(readme, heading(descriptor, goal))));
        }
        assertEquals(List.of(), problems, () -> String.join("\n", problems));
    }

    @Test
    void theCheckSeesAWrongUserPropertyAMissingRowAndAStrayOne() throws Exception {
        PluginDescriptor descriptor = PluginDescriptor.read();
        Goal goal = descriptor.goals().stream()
                .filter(g -> g.name().equals("deploy-generic"))
                .findFirst()
                .orElseThrow();
        Map<String, Row> rows =
                tableOf(Files.readString(README), heading(descriptor, goal)).orElseThrow();
        rows.remove("owner");
        rows.put("url", new Row("url", "`forge.uri`", "(required)", "x"));
        rows.put("retired", new Row("retired", "`forge.retired`", "none", "x"));

        String problems = String.join("\n", differences(descriptor.goalPrefix(), goal, Optional.of(rows)));

        for (String expected : List.of(
                "parameter 'owner' of forge:deploy-generic is missing",
                "'url': user property `forge.uri`, but the descriptor says `forge.url`",
                "'retired' is in the README but not a parameter of forge:deploy-generic")) {
            assertTrue(problems.contains(expected), () -> "expected '" + expected + "' in:\n" + problems);
        }
    }

    static String heading(PluginDescriptor descriptor, Goal goal) {
        return "### Parameters of `" + descriptor.goalPrefix() + ":" + goal.name() + "`";
    }

    static List<String> differences(String prefix, Goal goal, Optional<Map<String, Row>> table) {
        String where = prefix + ":" + goal.name();
        if (table.isEmpty()) {
            return List.of("README.md has no table under the heading '### Parameters of `" + where
                    + "`'. Add it (the goal's full page is on the site); the descriptor gives:\n" + generated(goal));
        }
        Map<String, Row> rows = table.get();
        List<String> problems = new ArrayList<>();
        for (Parameter p : goal.parameters()) {
            Row row = rows.get(p.name());
            if (row == null) {
                problems.add(
                        "README.md: parameter '" + p.name() + "' of " + where + " is missing; add the row\n" + row(p));
                continue;
            }
            String property = p.userProperty().map(v -> "`" + v + "`").orElse("");
            if (!row.userProperty().equals(property)) {
                problems.add("README.md, " + where + " '" + p.name() + "': user property " + row.userProperty()
                        + ", but the descriptor says " + (property.isEmpty() ? "none" : property));
            }
            if (p.required() != row.defaultValue().equals("(required)")) {
                problems.add("README.md, " + where + " '" + p.name() + "': default '" + row.defaultValue() + "', but "
                        + (p.required() ? "the parameter is required: write (required)" : "it is not required"));
            } else if (p.defaultValue().isPresent()
                    && !row.defaultValue().contains("`" + p.defaultValue().get() + "`")) {
                problems.add("README.md, " + where + " '" + p.name() + "': default '" + row.defaultValue()
                        + "', but the descriptor's default is `"
                        + p.defaultValue().get() + "`");
            } else if (p.defaultValue().isEmpty()
                    && SINGLE_CODE.matcher(row.defaultValue()).matches()) {
                problems.add("README.md, " + where + " '" + p.name() + "': default " + row.defaultValue()
                        + ", but the descriptor has none (describe a computed default in words)");
            }
            if (row.meaning().isBlank()) {
                problems.add("README.md, " + where + " '" + p.name() + "': the meaning is empty");
            }
        }
        TreeSet<String> stray = new TreeSet<>(rows.keySet());
        goal.parameters().forEach(p -> stray.remove(p.name()));
        for (String name : stray) {
            problems.add(
                    "README.md: '" + name + "' is in the README but not a parameter of " + where + "; remove the row");
        }
        return problems;
    }

    private static final Pattern SINGLE_CODE = Pattern.compile("`[^`]*`");

    /** The rows of the first table after the heading, by parameter name; empty if there is none. */
    static Optional<Map<String, Row>> tableOf(String readme, String heading) {
        List<String> lines = readme.lines().toList();
        int at = lines.indexOf(heading);
        if (at < 0) {
            return Optional.empty();
        }
        int i = at + 1;
        while (i < lines.size() && !lines.get(i).startsWith("|")) {
            if (lines.get(i).startsWith("#")) {
                return Optional.empty();
            }
            i++;
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> cells = cells(lines.get(i));
            String name = cells.get(0).replace("`", "");
            rows.put(name, new Row(name, cells.get(1), cells.get(2), cells.size() > 3 ? cells.get(3) : ""));
        }
        return Optional.of(rows);
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.substring(1, line.lastIndexOf('|')).split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.trim());
        }
        return cells;
    }

    static String generated(Goal goal) {
        StringBuilder table =
                new StringBuilder("| parameter | user property | default | meaning |\n| --- | --- | --- | --- |\n");
        goal.parameters().forEach(p -> table.append(row(p)).append('\n'));
        return table.toString();
    }

    private static String row(Parameter p) {
        String defaultValue = p.required()
                ? "(required)"
                : p.defaultValue().map(d -> "`" + d + "`").orElse("none");
        String meaning = p.description()
                .replaceAll("<code>(.*?)</code>", "`$1`")
                .replaceAll("</?(p|br|a|em|strong|i|b|ul|ol|li)( [^>]*)?/?>", "")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
                .replaceAll("\\s+", " ");
        return "| `" + p.name() + "` | "
                + p.userProperty().map(v -> "`" + v + "`").orElse("") + " | " + defaultValue + " | " + meaning + " |";
    }
}
