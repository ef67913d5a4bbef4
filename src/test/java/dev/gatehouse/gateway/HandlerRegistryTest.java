package dev.gatehouse.gateway;

import dev.gatehouse.gateway.authn.AnonymousAuthenticator;
import dev.gatehouse.gateway.authz.AllowAuthorizer;
import dev.gatehouse.gateway.engine.HandlerRegistry;
import dev.gatehouse.gateway.errors.JsonErrorHandler;
import dev.gatehouse.gateway.mutate.HeaderMutator;
import dev.gatehouse.gateway.mutate.HydratorMutator;
import dev.gatehouse.gateway.rule.InvalidRuleException;
import dev.gatehouse.gateway.rule.Rule;
import dev.gatehouse.gateway.rule.RuleDocuments;
import dev.gatehouse.kernel.config.ShippedConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Handler lookup at rule load: global config under the rule's, unknown and disabled handlers refused. */
class HandlerRegistryTest {

    private static HandlerRegistry registry(String... config) {
        return new HandlerRegistry(List.of(new AnonymousAuthenticator()), List.of(new AllowAuthorizer()),
                List.of(new HeaderMutator(), new HydratorMutator()), List.of(new JsonErrorHandler()),
                new GatewayConfig(ShippedConfig.with(config)));
    }

    private static Rule rule(String authenticators, String mutators) {
        return RuleDocuments.parse(RuleDocuments.Format.JSON, """
                [{"id": "r1", "match": {"url": "http://app.test/<.*>", "methods": ["GET"]},
                  "authenticators": %s, "authorizer": {"handler": "allow"}, "mutators": %s}]
                """.formatted(authenticators, mutators)).get(0);
    }

    private static Rule callingHydrator() {
        return rule("[{\"handler\": \"anonymous\"}]",
                "[{\"handler\": \"hydrator\", \"config\": {\"api\": {\"url\": \"https://enrich.test/\"}}}]");
    }

    @Test
    void configWhenRuleOverridesGlobalThenRuleWinsAndOtherGlobalKeysStay() {
        HandlerRegistry r = registry("gatehouse.gateway.mutators.hydrator.config",
                "{\"api\": {\"url\": \"https://enrich.test/a\", \"auth\": {\"basic\": {\"username\": \"gw\"}}}}");
        Rule rule = rule("[{\"handler\": \"anonymous\"}]",
                "[{\"handler\": \"hydrator\", \"config\": {\"api\": {\"url\": \"https://enrich.test/b\"}}}]");

        var merged = r.config(HandlerKind.MUTATORS, rule.mutators().get(0));

        assertEquals("https://enrich.test/b", merged.getJsonObject("api").getString("url"));
        assertEquals("gw", merged.getJsonObject("api").getJsonObject("auth").getJsonObject("basic").getString("username"));
    }

    @Test
    void configWhenRuleSaysNothingThenGlobalApplies() {
        HandlerRegistry r = registry("gatehouse.gateway.authenticators.anonymous.config", "{\"subject\": \"guest\"}");
        Rule rule = rule("[{\"handler\": \"anonymous\"}]", "[{\"handler\": \"header\"}]");

        assertEquals("guest", r.config(HandlerKind.AUTHENTICATORS, rule.authenticators().get(0)).getString("subject"));
    }

    @Test
    void compileWhenHandlerDisabledThenRuleRefusedNamingTheSwitch() {
        HandlerRegistry r = registry("gatehouse.gateway.mutators.hydrator.enabled", "false");
        Rule calling = callingHydrator();

        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> r.compile(calling));

        assertTrue(e.getMessage().contains("gatehouse.gateway.mutators.hydrator.enabled=false"), e.getMessage());
        assertDoesNotThrow(() -> r.compile(rule("[{\"handler\": \"anonymous\"}]", "[{\"handler\": \"header\"}]")));
    }

    @Test
    void compileWhenUnknownHandlerThenRefusedListingKnownOnes() {
        InvalidRuleException e = assertThrows(InvalidRuleException.class,
                () -> registry().compile(rule("[{\"handler\": \"kerberos\"}]", "[{\"handler\": \"header\"}]")));

        assertTrue(e.getMessage().contains("\"kerberos\""), e.getMessage());
        assertTrue(e.getMessage().contains("anonymous"), e.getMessage());
    }

    @Test
    void compileWhenMergedConfigInvalidThenRefused() {
        HandlerRegistry r = registry("gatehouse.gateway.mutators.hydrator.config", "{\"api\": {\"url\": \"ftp://enrich.test/\"}}");

        assertThrows(InvalidRuleException.class, () -> r.compile(rule("[{\"handler\": \"anonymous\"}]", "[{\"handler\": \"hydrator\"}]")));
    }

    @Test
    void compileWhenConfigKeyMisspeltThenRefusedNamingHandlerAndKey() {
        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> registry().compile(rule(
                "[{\"handler\": \"anonymous\"}]", "[{\"handler\": \"header\", \"config\": {\"heders\": {\"X-User\": \"x\"}}}]")));

        assertTrue(e.getMessage().contains("rule r1: mutators header has an unknown config key \"heders\""), e.getMessage());
        assertTrue(e.getMessage().contains("known: headers"), e.getMessage());
    }

    @Test
    void compileWhenNestedKeyMisspeltThenRefusedWithItsPath() {
        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> registry().compile(rule(
                "[{\"handler\": \"anonymous\"}]",
                "[{\"handler\": \"hydrator\", \"config\": {\"api\": {\"url\": \"https://enrich.test/\", \"auth\": {\"basik\": {}}}}}]")));

        assertTrue(e.getMessage().contains("mutators hydrator has an unknown config key \"api.auth.basik\""), e.getMessage());
    }

    @Test
    void compileWhenHandlerTakesNoConfigButGetsOneThenRefused() {
        HandlerRegistry r = new HandlerRegistry(List.of(new AnonymousAuthenticator()), List.of(new AllowAuthorizer()),
                List.of(new HeaderMutator()), List.of(new JsonErrorHandler()), new GatewayConfig(ShippedConfig.with()));
        Rule rule = RuleDocuments.parse(RuleDocuments.Format.JSON, """
                [{"id": "r1", "match": {"url": "http://app.test/<.*>", "methods": ["GET"]},
                  "authenticators": [{"handler": "anonymous"}], "authorizer": {"handler": "allow", "config": {"required_scope": ["admin"]}},
                  "mutators": [{"handler": "header"}]}]
                """).get(0);

        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> r.compile(rule));

        assertTrue(e.getMessage().contains("authorizers allow has an unknown config key \"required_scope\""), e.getMessage());
    }

    @Test
    void compileWhenOathkeeperKeyWeIgnoreThenAcceptedWhateverItHolds() {
        Rule rule = rule("[{\"handler\": \"anonymous\"}]", """
                [{"handler": "hydrator", "config": {"api": {"url": "https://enrich.test/",
                    "retry": {"give_up_after": "2s", "max_delay": "100ms"}}, "cache": {"enabled": true, "ttl": "60s"}}}]""");

        assertDoesNotThrow(() -> registry().compile(rule));
    }

    @Test
    void compileWhenUnknownKeyIsInTheGlobalConfigThenRefusedNamingTheProperty() {
        HandlerRegistry r = registry("gatehouse.gateway.authenticators.anonymous.config", "{\"subjekt\": \"guest\"}");

        InvalidRuleException e = assertThrows(InvalidRuleException.class,
                () -> r.compile(rule("[{\"handler\": \"anonymous\"}]", "[{\"handler\": \"header\"}]")));

        assertTrue(e.getMessage().contains("unknown config key \"subjekt\""), e.getMessage());
        assertTrue(e.getMessage().contains("gatehouse.gateway.authenticators.anonymous.config"), e.getMessage());
    }

    @Test
    void compileWhenErrorHandlerHasWhenThenAcceptedButAMisspeltKeyBesideItIsNot() {
        Rule ok = RuleDocuments.parse(RuleDocuments.Format.JSON, """
                [{"id": "r1", "match": {"url": "http://app.test/<.*>", "methods": ["GET"]},
                  "authenticators": [{"handler": "anonymous"}], "authorizer": {"handler": "allow"}, "mutators": [{"handler": "header"}],
                  "errors": [{"handler": "json", "config": {"verbose": true, "when": [{"error": ["unauthorized"]}]}}]}]
                """).get(0);
        Rule bad = RuleDocuments.parse(RuleDocuments.Format.JSON, """
                [{"id": "r2", "match": {"url": "http://app.test/<.*>", "methods": ["GET"]},
                  "authenticators": [{"handler": "anonymous"}], "authorizer": {"handler": "allow"}, "mutators": [{"handler": "header"}],
                  "errors": [{"handler": "json", "config": {"wen": [{"error": ["unauthorized"]}]}}]}]
                """).get(0);

        assertDoesNotThrow(() -> registry().compile(ok));
        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> registry().compile(bad));
        assertTrue(e.getMessage().contains("errors json has an unknown config key \"wen\""), e.getMessage());
    }

    @Test
    void compileWhenGlobalEnabledIsNotABooleanThenRuleRefusedNamingTheSettingRatherThanAConfigError() {
        HandlerRegistry r = registry("gatehouse.gateway.mutators.hydrator.enabled", "flase");
        Rule calling = callingHydrator();

        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> r.compile(calling));

        assertTrue(e.getMessage().contains("rule r1: mutators hydrator"), e.getMessage());
        assertTrue(e.getMessage().contains("gatehouse.gateway.mutators.hydrator.enabled"), e.getMessage());
        assertTrue(e.getMessage().contains("must be true or false"), e.getMessage());
    }

    @Test
    void compileWhenGlobalConfigIsNotJsonThenRuleRefusedWithoutEchoingTheText() {
        HandlerRegistry r = registry("gatehouse.gateway.mutators.hydrator.config",
                "{\"api\": {\"auth\": {\"basic\": {\"password\": \"s3cret\"");
        Rule calling = callingHydrator();

        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> r.compile(calling));

        assertTrue(e.getMessage().contains("gatehouse.gateway.mutators.hydrator.config"), e.getMessage());
        assertTrue(e.getMessage().contains("must be a JSON object"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }
}
