package dev.gatehouse.gateway.demo;

import dev.gatehouse.gateway.rule.InvalidRuleException;
import dev.gatehouse.gateway.rule.Rule;
import dev.gatehouse.gateway.rule.RuleDocuments;
import dev.gatehouse.platform.demo.DemoConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The built-in demo rules, in force only while the demo switch is on; {@link #PATH} is what they guard. */
@ApplicationScoped
public class DemoRules {

    public static final String PATH = "/demo/api";

    @Inject
    DemoConfig demo;

    public boolean enabled() {
        return demo.enabled();
    }

    public List<Rule> rules() {
        if (!demo.enabled()) {
            return List.of();
        }
        try (InputStream in = DemoRules.class.getResourceAsStream("/dev/gatehouse/gateway/demo-rules.json")) {
            return RuleDocuments.parse(RuleDocuments.Format.JSON, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidRuleException("demo-rules.json", "cannot be read");
        }
    }
}
