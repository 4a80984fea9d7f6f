package io.github.forgemaven.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The goals and parameters of {@code target/classes/META-INF/maven/plugin.xml}, the descriptor that
 * maven-plugin-plugin writes from the mojos' annotations and Javadoc, and that Maven, {@code forge:help}
 * and the site's goal pages all read.
 */
record PluginDescriptor(String goalPrefix, List<Goal> goals) {

    static final Path FILE = Path.of("target", "classes", "META-INF", "maven", "plugin.xml");

    /** A goal and the parameters a user can set (readonly ones, such as {@code ${project}}, left out). */
    record Goal(String name, String description, List<Parameter> parameters) {}

    /**
     * A parameter as the descriptor has it.
     *
     * @param userProperty the {@code -D} property, from the expression {@code ${forge.x}}; empty if none
     * @param defaultValue empty if the parameter has none
     */
    record Parameter(
            String name,
            String type,
            boolean required,
            String since,
            Optional<String> userProperty,
            Optional<String> defaultValue,
            String description) {}

    static PluginDescriptor read() throws Exception {
        if (!Files.isRegularFile(FILE)) {
            throw new AssertionError(FILE + " is missing: it is written at process-classes (./mvnw -B verify)");
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element plugin = factory.newDocumentBuilder().parse(FILE.toFile()).getDocumentElement();
        List<Goal> goals = new ArrayList<>();
        for (Element mojo : children(child(plugin, "mojos").orElseThrow(), "mojo")) {
            Optional<Element> configuration = child(mojo, "configuration");
            List<Parameter> parameters = new ArrayList<>();
            for (Element parameter : children(child(mojo, "parameters").orElseThrow(), "parameter")) {
                if (!"true".equals(text(parameter, "editable"))) {
                    continue;
                }
                String name = text(parameter, "name");
                Optional<Element> value = configuration.flatMap(c -> child(c, name));
                Optional<String> property = value.map(Node::getTextContent)
                        .map(String::trim)
                        .filter(e -> e.startsWith("${") && e.endsWith("}"))
                        .map(e -> e.substring(2, e.length() - 1));
                Optional<String> defaultValue =
                        value.map(v -> v.getAttribute("default-value")).filter(d -> !d.isEmpty());
                parameters.add(new Parameter(
                        name,
                        text(parameter, "type"),
                        "true".equals(text(parameter, "required")),
                        text(parameter, "since"),
                        property,
                        defaultValue,
                        text(parameter, "description")));
            }
            goals.add(new Goal(text(mojo, "goal"), text(mojo, "description"), List.copyOf(parameters)));
        }
        return new PluginDescriptor(text(plugin, "goalPrefix"), List.copyOf(goals));
    }

    /** The goals a user runs: all but the generated {@code help}. */
    List<Goal> userGoals() {
        return goals.stream().filter(g -> !g.name().equals("help")).toList();
    }

    private static Optional<Element> child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().trim()).orElse("");
    }
}
