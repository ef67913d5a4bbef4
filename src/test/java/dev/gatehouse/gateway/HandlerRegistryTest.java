package dev.gatehouse.gateway;

import dev.gatehouse.gateway.authn.AnonymousAuthenticator;
import dev.gatehouse.gateway.authz.AllowAuthorizer;
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

    @Test
    void configWhenRuleOverridesGlobalThenRuleWinsAndOtherGlobalKeysStay() {
        HandlerRegistry r = registry("gatehouse.gateway.mutators.hydrator.config",
                "{\"api\": {\"url\": \"https://enrich.test/a\", \"auth\": {\"basic\": {\"username\": \"gw\"}}}}");
        Rule rule = rule("[{\"handler\": \"anonymous\"}]",
                "[{\"handler\": \"hydrator\", \"config\": {\"api\": {\"url\": \"https://enrich.test/b\"}}}]");

        var merged = r.config(HandlerRegistry.MUTATORS, rule.mutators().get(0));

        assertEquals("https://enrich.test/b", merged.getJsonObject("api").getString("url"));
        assertEquals("gw", merged.getJsonObject("api").getJsonObject("auth").getJsonObject("basic").getString("username"));
    }

    @Test
    void configWhenRuleSaysNothingThenGlobalApplies() {
        HandlerRegistry r = registry("gatehouse.gateway.authenticators.anonymous.config", "{\"subject\": \"guest\"}");
        Rule rule = rule("[{\"handler\": \"anonymous\"}]", "[{\"handler\": \"header\"}]");

        assertEquals("guest", r.config(HandlerRegistry.AUTHENTICATORS, rule.authenticators().get(0)).getString("subject"));
    }

    @Test
    void validateWhenHandlerDisabledThenRuleRefusedNamingTheSwitch() {
        HandlerRegistry r = registry("gatehouse.gateway.mutators.hydrator.enabled", "false");
        Rule calling = rule("[{\"handler\": \"anonymous\"}]",
                "[{\"handler\": \"hydrator\", \"config\": {\"api\": {\"url\": \"https://enrich.test/\"}}}]");

        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> r.validate(calling));

        assertTrue(e.getMessage().contains("gatehouse.gateway.mutators.hydrator.enabled=false"), e.getMessage());
        assertDoesNotThrow(() -> r.validate(rule("[{\"handler\": \"anonymous\"}]", "[{\"handler\": \"header\"}]")));
    }

    @Test
    void validateWhenUnknownHandlerThenRefusedListingKnownOnes() {
        InvalidRuleException e = assertThrows(InvalidRuleException.class,
                () -> registry().validate(rule("[{\"handler\": \"kerberos\"}]", "[{\"handler\": \"header\"}]")));

        assertTrue(e.getMessage().contains("\"kerberos\""), e.getMessage());
        assertTrue(e.getMessage().contains("anonymous"), e.getMessage());
    }

    @Test
    void validateWhenMergedConfigInvalidThenRefused() {
        HandlerRegistry r = registry("gatehouse.gateway.mutators.hydrator.config", "{\"api\": {\"url\": \"ftp://enrich.test/\"}}");

        assertThrows(InvalidRuleException.class, () -> r.validate(rule("[{\"handler\": \"anonymous\"}]", "[{\"handler\": \"hydrator\"}]")));
    }
}
