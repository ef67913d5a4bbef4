package dev.gatehouse.kernel.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code docs/configuration.md} lists exactly the keys the code reads, each with a meaning, and is what
 * {@link ConfigurationReference} makes of the configuration now. With {@code -DwriteConfigurationReference=true}
 * the test writes the file instead of comparing it.
 */
class ConfigurationReferenceTest {

    private static final String REGENERATE = "; regenerate docs/configuration.md with: " + ConfigurationReference.COMMAND;

    @Test
    void everyKeyWhenDeclaredThenHasAMeaningAndIsReadByCode() {
        ConfigurationReference.Model model = ConfigurationReference.build();
        assertEquals(List.of(), model.problems(), "the configuration's declarations have problems");
        assertTrue(model.entries().containsKey("gatehouse.public.base-url"), "no keys were found: " + model.entries().keySet());
    }

    @Test
    void documentWhenKeysChangeThenNamesEveryMissingAndEveryUnknownKey() throws IOException {
        ConfigurationReference.Model model = ConfigurationReference.build();
        String expected = ConfigurationReference.render(model);
        if (Boolean.getBoolean(ConfigurationReference.WRITE_PROPERTY)) {
            Files.writeString(ConfigurationReference.DOCUMENT, expected);
            return;
        }
        if (!Files.exists(ConfigurationReference.DOCUMENT)) {
            fail(ConfigurationReference.DOCUMENT + " does not exist" + REGENERATE);
        }
        String actual = Files.readString(ConfigurationReference.DOCUMENT);
        Set<String> documented = ConfigurationReference.documentedKeys(actual);
        List<String> problems = new ArrayList<>();
        for (String key : model.entries().keySet()) {
            if (!documented.contains(key)) {
                problems.add("the code reads " + key + ", which docs/configuration.md does not list");
            }
        }
        Set<String> unknown = new LinkedHashSet<>(documented);
        unknown.removeAll(model.entries().keySet());
        unknown.forEach(key -> problems.add("docs/configuration.md lists " + key + ", which no code reads and nothing declares"));
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems) + "\n" + REGENERATE.substring(2));
        }
        if (!actual.equals(expected)) {
            List<String> changed = ConfigurationReference.documentedKeys(expected).stream()
                    .filter(key -> !row(actual, key).equals(row(expected, key)))
                    .toList();
            fail("docs/configuration.md is out of date" + (changed.isEmpty() ? "" : " for " + String.join(", ", changed))
                    + REGENERATE);
        }
    }

    private static String row(String markdown, String key) {
        int start = markdown.indexOf("| `" + key + "` |");
        return start < 0 ? "" : markdown.substring(start, markdown.indexOf('\n', start));
    }
}
