package dev.gatehouse.gateway;

import dev.gatehouse.gateway.demo.DemoRules;
import dev.gatehouse.gateway.engine.HandlerRegistry;
import dev.gatehouse.gateway.rule.InvalidRuleException;
import dev.gatehouse.gateway.rule.MatchStrategy;
import dev.gatehouse.gateway.rule.Rule;
import dev.gatehouse.gateway.rule.RuleDocuments;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An Oathkeeper user's rule file, written with the handler options Oathkeeper's documentation
 * shows (including ones we accept and ignore, such as {@code retry} and {@code jwks_ttl}), loads unchanged
 * into a registry holding every handler we ship, and the same file with one key misspelt does not.
 */
class OathkeeperRuleFileTest {

    private static String ruleFile() throws IOException {
        try (InputStream in = OathkeeperRuleFileTest.class.getResourceAsStream("oathkeeper-rules.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void compileWhenOathkeeperRuleFileAsDocumentedThenEveryRuleLoads() throws IOException {
        List<Rule> rules = RuleDocuments.parse(RuleDocuments.Format.YAML, ruleFile());
        HandlerRegistry registry = TestHandlers.everyHandler();

        assertEquals(5, rules.size());
        rules.forEach(rule -> assertDoesNotThrow(() -> registry.compile(rule), rule.id()));
    }

    @Test
    void compileWhenTheSameFileHasAMisspeltRequiredScopeThenThatRuleIsRefused() throws IOException {
        List<Rule> rules = RuleDocuments.parse(RuleDocuments.Format.YAML,
                ruleFile().replace("        required_scope: [orders.read]\n        scope_strategy: exact",
                        "        required_scopes: [orders.read]\n        scope_strategy: exact"));
        Rule orders = rules.stream().filter(r -> r.id().equals("api:orders")).findFirst().orElseThrow();

        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> TestHandlers.everyHandler().compile(orders));

        assertTrue(e.getMessage().contains("authenticators jwt has an unknown config key \"required_scopes\""), e.getMessage());
    }

    @Test
    void compileWhenShippedDemoRulesThenEveryRuleLoads() {
        HandlerRegistry registry = TestHandlers.everyHandler();

        for (MatchStrategy strategy : MatchStrategy.values()) {
            DemoRules.load(strategy).forEach(rule -> assertDoesNotThrow(() -> registry.compile(rule), rule.id()));
        }
    }
}
