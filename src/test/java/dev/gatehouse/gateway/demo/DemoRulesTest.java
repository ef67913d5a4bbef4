package dev.gatehouse.gateway.demo;

import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.TestHandlers;
import dev.gatehouse.gateway.authz.OwnerAuthorizer;
import dev.gatehouse.gateway.engine.RuleMatch;
import dev.gatehouse.gateway.engine.RuleSet;
import dev.gatehouse.gateway.rule.MatchStrategy;
import dev.gatehouse.gateway.rule.RequestTarget;
import dev.gatehouse.kernel.tenant.TenantId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The shipped demo rules guard the demo URLs under either matching strategy, on any host. */
class DemoRulesTest {

    static final String OWNER = "5b2c0e4e-8d0a-4a53-9f3e-1c2d3e4f5a6b";

    private static RequestTarget target(String method, String url) {
        URI u = URI.create(url);
        return RequestTarget.of(method, u.getScheme(), u.getRawAuthority(), u.getRawPath());
    }

    private static RuleMatch match(RuleSet set, String method, String url) {
        return set.match(target(method, url));
    }

    private static String ruleOf(RuleSet set, String url) {
        RuleMatch m = match(set, "GET", url);
        return assertInstanceOf(RuleMatch.Found.class, m, url + " -> " + m).rule().id();
    }

    @ParameterizedTest
    @EnumSource(MatchStrategy.class)
    void loadWhenStrategyThenEachDemoUrlMatchesItsOneRuleOnAnyHost(MatchStrategy strategy) {
        RuleSet set = TestHandlers.ruleSet(DemoRules.load(strategy), strategy);

        assertEquals("demo-public", ruleOf(set, "http://localhost:9080/demo/api/public"));
        assertEquals("demo-signed-in", ruleOf(set, "https://127.0.0.1:9443/demo/api/me"));
        assertEquals("demo-admin", ruleOf(set, "https://login.gatehouse.example.com/demo/api/admin"));
        assertEquals("demo-owner", ruleOf(set, "http://[::1]:9080/demo/api/accounts/" + OWNER));
        assertEquals("demo-owner", ruleOf(set, "http://localhost/demo/api/accounts/someone-else"));
    }

    @ParameterizedTest
    @EnumSource(MatchStrategy.class)
    void loadWhenStrategyThenOtherPathsAndMethodsMatchNoDemoRule(MatchStrategy strategy) {
        RuleSet set = TestHandlers.ruleSet(DemoRules.load(strategy), strategy);

        assertInstanceOf(RuleMatch.NoRule.class, match(set, "GET", "http://localhost:9080/app/demo/api/public"));
        assertInstanceOf(RuleMatch.NoRule.class, match(set, "GET", "http://localhost:9080/demo/api/public/more"));
        assertInstanceOf(RuleMatch.NoRule.class, match(set, "GET", "http://localhost:9080/demo/api/accounts/a/b"));
        assertInstanceOf(RuleMatch.NoRule.class, match(set, "POST", "http://localhost:9080/demo/api/public"));
    }

    @ParameterizedTest
    @EnumSource(MatchStrategy.class)
    void ownerRuleWhenStrategyThenOnlyTheIdentityInThePathIsTheOwner(MatchStrategy strategy) {
        RuleSet set = TestHandlers.ruleSet(DemoRules.load(strategy), strategy);
        String url = "http://localhost:9080/demo/api/accounts/" + OWNER;
        RuleMatch.Found found = assertInstanceOf(RuleMatch.Found.class, match(set, "GET", url));
        GatewayRequest request = new GatewayRequest(TenantId.DEFAULT, target("GET", url), "", Map.of(), Map.of(), "127.0.0.1",
                "http://localhost:9080");
        OwnerAuthorizer owner = new OwnerAuthorizer();

        assertDoesNotThrow(() -> owner.bind(found.rule().authorizer().config()).authorize(request, session(found, url, OWNER)));
        assertThrows(GatewayException.class, () -> owner.bind(found.rule().authorizer().config()).authorize(request,
                session(found, url, "someone-else")));
    }

    private static AuthenticationSession session(RuleMatch.Found found, String url, String subject) {
        AuthenticationSession s = new AuthenticationSession(List.copyOf(found.captureGroups()), url, "GET");
        s.subject(subject);
        return s;
    }
}
