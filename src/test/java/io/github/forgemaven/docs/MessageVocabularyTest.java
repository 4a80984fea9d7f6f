package io.github.forgemaven.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.forgemaven.registry.plan.Parameter;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The core's messages name parameters through {@link Parameter}; this keeps that vocabulary true to
 * the plugin descriptor, so a renamed parameter or user property fails here instead of in a user's
 * build log.
 */
class MessageVocabularyTest {

    @Test
    void everyParameterTheMessagesNameExistsWithThatUserProperty() throws Exception {
        Map<String, String> described = new TreeMap<>();
        for (PluginDescriptor.Goal goal : PluginDescriptor.read().goals()) {
            for (PluginDescriptor.Parameter parameter : goal.parameters()) {
                parameter.userProperty().ifPresent(property -> described.put(parameter.name(), property));
            }
        }
        for (Parameter parameter : Parameter.values()) {
            String name = parameter.element().substring(1, parameter.element().length() - 1);
            assertTrue(described.containsKey(name), parameter.element() + " is no parameter of any goal: " + described);
            assertEquals(described.get(name), parameter.userProperty(), parameter.element() + "'s user property");
        }
    }

    @Test
    void namesAParameterAsTheMessagesAlwaysDid() {
        assertEquals("<url> (forge.url)", Parameter.URL.toString());
        assertEquals("<onExisting>skip</onExisting>", Parameter.ON_EXISTING.set("skip"));
        assertEquals("-Dforge.release.changelog=CHANGELOG.md", Parameter.CHANGELOG.override("CHANGELOG.md"));
    }
}
