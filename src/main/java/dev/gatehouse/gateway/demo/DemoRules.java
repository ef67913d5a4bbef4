package dev.gatehouse.gateway.demo;

import dev.gatehouse.gateway.GatewayConfig;
import dev.gatehouse.gateway.rule.InvalidRuleException;
import dev.gatehouse.gateway.rule.MatchStrategy;
import dev.gatehouse.gateway.rule.Rule;
import dev.gatehouse.gateway.rule.RuleDocuments;
import dev.gatehouse.platform.demo.DemoConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The built-in demo rules, in force only while the demo switch is on; {@link #PATH} is what they guard. They match
 * any scheme and host, so their {@code match.url} is written in {@code demo-rules.json} with two placeholders that
 * are filled for the configured matching strategy: {@code {origin}} (http or https, any host and port) and
 * {@code {segment}} (one path segment). The owner rule reads its owner by {@code path_segment}, which works under
 * both strategies (a glob has no capture groups).
 */
@ApplicationScoped
public class DemoRules {

    public static final String PATH = "/demo/api";
    static final String RESOURCE = "/dev/gatehouse/gateway/demo-rules.json";

    /**
     * Under {@code glob}, {@code *} stops at {@code .} as well as {@code /}, and {@code **} would cross {@code /}: a
     * run without {@code /} is spelled as up to this many dot-separated parts ({@code 127.0.0.1:9080} has four).
     */
    static final int GLOB_MAX_DOTTED_PARTS = 8;

    @Inject
    DemoConfig demo;
    @Inject
    GatewayConfig gateway;

    public boolean enabled() {
        return demo.enabled();
    }

    public List<Rule> rules() {
        if (!demo.enabled()) {
            return List.of();
        }
        return load(gateway.strategy());
    }

    /** The demo rules with their {@code match.url} written for {@code strategy}. */
    public static List<Rule> load(MatchStrategy strategy) {
        String text;
        try (InputStream in = DemoRules.class.getResourceAsStream(RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidRuleException("demo-rules.json", "cannot be read");
        }
        String segment = switch (strategy) {
            case REGEXP -> "<[^/]+>";
            case GLOB -> "<" + IntStream.rangeClosed(1, GLOB_MAX_DOTTED_PARTS)
                    .mapToObj(n -> String.join(".", Collections.nCopies(n, "*")))
                    .collect(Collectors.joining(",", "{", "}")) + ">";
        };
        String scheme = strategy == MatchStrategy.REGEXP ? "<https?>" : "<{http,https}>";
        String filled = text.replace("{origin}", scheme + "://" + segment).replace("{segment}", segment);
        return RuleDocuments.parse(RuleDocuments.Format.JSON, filled);
    }
}
