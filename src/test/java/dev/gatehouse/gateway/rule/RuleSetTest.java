package dev.gatehouse.gateway.rule;

import dev.gatehouse.gateway.TestHandlers;
import dev.gatehouse.gateway.engine.RuleMatch;
import dev.gatehouse.gateway.engine.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RuleSetTest {

    static Rule rule(String id, String url, String... methods) {
        return new Rule(id, "v0.40.0", "", Upstream.NONE, url, List.of(methods), List.of(HandlerRef.of("noop")),
                HandlerRef.of("allow"), List.of(HandlerRef.of("noop")), List.of());
    }

    static RuleMatch match(RuleSet set, String method, String url) {
        java.net.URI u = java.net.URI.create(url);
        return set.match(RequestTarget.of(method, u.getScheme(), u.getRawAuthority(), u.getRawPath()));
    }

    @Test
    void matchWhenRegexpPatternThenCaptureGroupsInOrder() {
        RuleSet set = TestHandlers.ruleSet(List.of(rule("accounts", "http://api.test/accounts/<[0-9a-f-]+>/items/<\\d+>", "GET")),
                MatchStrategy.REGEXP);

        RuleMatch m = match(set, "GET", "http://api.test/accounts/ab-12/items/7?x=1");

        RuleMatch.Found found = assertInstanceOf(RuleMatch.Found.class, m);
        assertEquals(List.of("ab-12", "7"), found.captureGroups());
    }

    @Test
    void matchWhenTextOutsideBracketsHasRegexCharactersThenTheyAreLiteral() {
        RuleSet set = TestHandlers.ruleSet(List.of(rule("dot", "http://api.test/a.b/<.*>", "GET")), MatchStrategy.REGEXP);

        assertInstanceOf(RuleMatch.Found.class, match(set, "GET", "http://api.test/a.b/x"));
        assertInstanceOf(RuleMatch.NoRule.class, match(set, "GET", "http://api.test/aXb/x"));
    }

    @Test
    void matchWhenMethodNotListedThenNoRule() {
        RuleSet set = TestHandlers.ruleSet(List.of(rule("r", "http://api.test/x", "GET")), MatchStrategy.REGEXP);

        assertInstanceOf(RuleMatch.NoRule.class, match(set, "POST", "http://api.test/x"));
    }

    @Test
    void matchWhenTwoRulesMatchThenAmbiguousWithBothIds() {
        RuleSet set = TestHandlers.ruleSet(List.of(rule("a", "http://api.test/<.*>", "GET"), rule("b", "http://api.test/x", "GET")),
                MatchStrategy.REGEXP);

        RuleMatch.Ambiguous m = assertInstanceOf(RuleMatch.Ambiguous.class, match(set, "GET", "http://api.test/x"));

        assertEquals(List.of("a", "b"), m.ruleIds());
    }

    @Test
    void matchWhenGlobStarThenItStopsAtSlashAndDot() {
        RuleSet set = TestHandlers.ruleSet(List.of(rule("g", "http://<*>.test/users/<*>", "GET")), MatchStrategy.GLOB);

        assertInstanceOf(RuleMatch.Found.class, match(set, "GET", "http://api.test/users/42"));
        assertInstanceOf(RuleMatch.NoRule.class, match(set, "GET", "http://api.test/users/42/secrets"));
        assertInstanceOf(RuleMatch.NoRule.class, match(set, "GET", "http://a.b.test/users/42"));
    }

    @Test
    void matchWhenGlobDoubleStarAlternativesAndClassesThenTheyMatch() {
        RuleSet set = TestHandlers.ruleSet(List.of(rule("g", "http://api.test/<{public,static}>/<**>", "GET"),
                rule("h", "http://api.test/v<[0-9]>/<?>", "GET")), MatchStrategy.GLOB);

        assertInstanceOf(RuleMatch.Found.class, match(set, "GET", "http://api.test/static/a/b.css"));
        assertInstanceOf(RuleMatch.Found.class, match(set, "GET", "http://api.test/v2/x"));
        assertInstanceOf(RuleMatch.NoRule.class, match(set, "GET", "http://api.test/private/a"));
        assertInstanceOf(RuleMatch.NoRule.class, match(set, "GET", "http://api.test/vx/x"));
    }

    @Test
    void matchWhenTraversalOutOfPublicPrefixThenRefusedBeforeAnyRuleCouldAllowIt() {
        RuleSet set = TestHandlers.ruleSet(List.of(rule("public", "http://api.test/public/<.*>", "GET"),
                rule("admin", "http://api.test/admin/<.*>", "GET")), MatchStrategy.REGEXP);

        assertThrows(RejectedRequestException.class, () -> match(set, "GET", "http://api.test/public/../admin/users"));
        assertThrows(RejectedRequestException.class, () -> match(set, "GET", "http://api.test/public/%2e%2e/admin/x"));
        assertThrows(RejectedRequestException.class, () -> match(set, "GET", "http://api.test//admin//x"));
        assertThrows(RejectedRequestException.class, () -> match(set, "GET", "http://api.test/admin/x;/../../public/x"));
    }

    @Test
    void matchWhenMethodOrHostInOtherCaseThenSameRuleAsCanonical() {
        RuleSet set = TestHandlers.ruleSet(List.of(rule("r", "http://api.test/x", "GET")), MatchStrategy.REGEXP);

        assertInstanceOf(RuleMatch.Found.class, match(set, "get", "http://API.Test/x"));
        assertInstanceOf(RuleMatch.Found.class, match(set, "GET", "http://api.test.:80/x"));
    }

    @Test
    void compileWhenPatternInvalidThenInvalidRuleNamingTheRule() {
        InvalidRuleException e = assertThrows(InvalidRuleException.class,
                () -> TestHandlers.ruleSet(List.of(rule("bad", "http://api.test/<[a-z>", "GET")), MatchStrategy.REGEXP));

        assertEquals("rule bad: match.url", e.field());
    }

    @Test
    void compileWhenIdsRepeatThenInvalid() {
        assertThrows(InvalidRuleException.class, () -> TestHandlers.ruleSet(List.of(rule("a", "http://x/a", "GET"),
                rule("a", "http://x/b", "GET")), MatchStrategy.REGEXP));
    }
}
