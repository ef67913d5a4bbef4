package dev.gatehouse.gateway.engine;

import dev.gatehouse.gateway.GatewayConfig;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.TestHandlers;
import dev.gatehouse.gateway.errors.ErrorAnswer;
import dev.gatehouse.gateway.rule.HandlerRef;
import dev.gatehouse.gateway.rule.MatchStrategy;
import dev.gatehouse.gateway.rule.RequestTarget;
import dev.gatehouse.gateway.rule.Rule;
import dev.gatehouse.gateway.rule.Upstream;
import dev.gatehouse.kernel.config.ShippedConfig;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A decision runs the rule as it was compiled: every handler's config is parsed when the rule is loaded, and
 * no decision, allowed or denied, reads a config again.
 */
class DecisionEngineTest {

    private final ReadCountingJsonObject anonymous = new ReadCountingJsonObject("{\"subject\": \"guest\"}");
    private final ReadCountingJsonObject owner = new ReadCountingJsonObject("{\"capture_group\": 0}");
    private final ReadCountingJsonObject header = new ReadCountingJsonObject("{\"headers\": {\"X-User\": \"{{ print .Subject }}\"}}");
    private final ReadCountingJsonObject cookie = new ReadCountingJsonObject("{\"cookies\": {\"gw_user\": \"{{ print .Subject }}\"}}");
    private final ReadCountingJsonObject redirect = new ReadCountingJsonObject(
            "{\"to\": \"http://login.test/\", \"when\": [{\"error\": [\"forbidden\"], \"request\": {\"header\": {\"accept\": [\"text/html\"]}}}]}");
    private final List<ReadCountingJsonObject> configs = List.of(anonymous, owner, header, cookie, redirect);

    private DecisionEngine engine(CompiledRule rule) {
        GatewayConfig config = new GatewayConfig(ShippedConfig.with());
        ActiveRules rules = new ActiveRules() {
            @Override
            public RuleSet current(TenantId tenant) {
                return RuleSet.of(List.of(rule), MatchStrategy.REGEXP);
            }
        };
        DecisionLog log = new DecisionLog();
        log.events = new SecurityEvents() {
            @Override
            public void fire(SecurityEvent.Builder builder) {
                builder.build();
            }
        };
        return new DecisionEngine(rules, TestHandlers.everyHandler(), log, config);
    }

    private static GatewayRequest request(String user) {
        return new GatewayRequest(TenantId.DEFAULT, RequestTarget.of("GET", "http", "app.test", "/users/" + user), "",
                Map.of("Accept", List.of("text/html")), Map.of(), "127.0.0.1", "http://localhost:9080");
    }

    @Test
    void decideWhenRuleCompiledThenNoDecisionReadsAHandlerConfigAgain() {
        Rule rule = new Rule("users", "", "", Upstream.NONE, "http://app.test/users/<[a-z]+>", List.of("GET"),
                List.of(new HandlerRef("anonymous", anonymous)), new HandlerRef("owner", owner),
                List.of(new HandlerRef("header", header), new HandlerRef("cookie", cookie)),
                List.of(new HandlerRef("redirect", redirect), HandlerRef.of("json")));
        DecisionEngine engine = engine(TestHandlers.everyHandler().compile(rule));
        configs.forEach(c -> assertTrue(c.reads() > 0, "compiling reads every config: " + c));
        configs.forEach(ReadCountingJsonObject::forget);

        for (int i = 0; i < 3; i++) {
            Decision.Allowed allowed = assertInstanceOf(Decision.Allowed.class, engine.decide(request("guest")));
            assertEquals("guest", allowed.session().headers().get("X-User"));
            assertEquals("gw_user=guest", allowed.session().headers().get("Cookie"));
            GatewayRequest other = request("other");
            ErrorAnswer answer = engine.answer(assertInstanceOf(Decision.Denied.class, engine.decide(other)), other);
            assertEquals(302, answer.status());
            assertTrue(answer.headers().get("Location").startsWith("http://login.test/?return_to="), answer.headers().toString());
        }

        configs.forEach(c -> assertEquals(0, c.reads(), "read again after compiling: " + c));
    }

    @Test
    void trialWhenAllowedThenEachHandlersVerdictAndTheMutatedHeaders() {
        Rule rule = new Rule("users", "", "", Upstream.NONE, "http://app.test/users/<[a-z]+>", List.of("GET"),
                List.of(new HandlerRef("anonymous", anonymous)), new HandlerRef("owner", owner),
                List.of(new HandlerRef("header", header)), List.of());
        DecisionEngine engine = engine(TestHandlers.everyHandler().compile(rule));

        Trial allowed = engine.trial(request("guest"));
        assertEquals(List.of("users"), allowed.matched());
        assertEquals("guest", assertInstanceOf(Decision.Allowed.class, allowed.decision()).session().headers().get("X-User"));
        assertEquals(List.of("authenticators anonymous passed", "authorizers owner passed", "mutators header passed"),
                allowed.steps().stream().map(TrialStepText::of).toList());

        Trial denied = engine.trial(request("other"));
        assertInstanceOf(Decision.Denied.class, denied.decision());
        assertEquals("authorizers owner denied", TrialStepText.of(denied.steps().get(denied.steps().size() - 1)));
    }

    @Test
    void trialWhenNoRuleMatchesThenNoneMatchedAndNoSteps() {
        Rule rule = new Rule("users", "", "", Upstream.NONE, "http://app.test/users/<[a-z]+>", List.of("POST"),
                List.of(HandlerRef.of("noop")), HandlerRef.of("allow"), List.of(), List.of());
        Trial trial = engine(TestHandlers.everyHandler().compile(rule)).trial(request("guest"));
        assertEquals(List.of(), trial.matched());
        assertEquals(List.of(), trial.steps());
        assertInstanceOf(Decision.Denied.class, trial.decision());
    }

    private static final class TrialStepText {
        static String of(Trial.Step s) {
            return s.kind().key() + " " + s.handler() + " " + s.verdict().name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
