package dev.gatehouse.gateway;

import dev.gatehouse.gateway.authn.AnonymousAuthenticator;
import dev.gatehouse.gateway.authn.BearerTokenAuthenticator;
import dev.gatehouse.gateway.authn.ClientCredentialsAuthenticator;
import dev.gatehouse.gateway.authn.CookieSessionAuthenticator;
import dev.gatehouse.gateway.authn.IntrospectionAuthenticator;
import dev.gatehouse.gateway.authn.JwtAuthenticator;
import dev.gatehouse.gateway.authn.NoopAuthenticator;
import dev.gatehouse.gateway.authn.UnauthorizedAuthenticator;
import dev.gatehouse.gateway.authz.AllowAuthorizer;
import dev.gatehouse.gateway.authz.DenyAuthorizer;
import dev.gatehouse.gateway.authz.OwnerAuthorizer;
import dev.gatehouse.gateway.authz.RemoteAuthorizer;
import dev.gatehouse.gateway.authz.RemoteJsonAuthorizer;
import dev.gatehouse.gateway.authz.RolesAuthorizer;
import dev.gatehouse.gateway.demo.DemoRules;
import dev.gatehouse.gateway.errors.JsonErrorHandler;
import dev.gatehouse.gateway.errors.RedirectErrorHandler;
import dev.gatehouse.gateway.errors.WwwAuthenticateErrorHandler;
import dev.gatehouse.gateway.mutate.CookieMutator;
import dev.gatehouse.gateway.mutate.HeaderMutator;
import dev.gatehouse.gateway.mutate.HydratorMutator;
import dev.gatehouse.gateway.mutate.IdTokenMutator;
import dev.gatehouse.gateway.mutate.NoopMutator;
import dev.gatehouse.gateway.rule.InvalidRuleException;
import dev.gatehouse.gateway.rule.MatchStrategy;
import dev.gatehouse.gateway.rule.Rule;
import dev.gatehouse.gateway.rule.RuleDocuments;
import dev.gatehouse.kernel.config.ShippedConfig;
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

    private static HandlerRegistry everyHandler() {
        return new HandlerRegistry(
                List.of(new NoopAuthenticator(), new UnauthorizedAuthenticator(), new AnonymousAuthenticator(),
                        new CookieSessionAuthenticator(), new BearerTokenAuthenticator(), new JwtAuthenticator(),
                        new IntrospectionAuthenticator(), new ClientCredentialsAuthenticator()),
                List.of(new AllowAuthorizer(), new DenyAuthorizer(), new RemoteAuthorizer(), new RemoteJsonAuthorizer(),
                        new RolesAuthorizer(), new OwnerAuthorizer()),
                List.of(new NoopMutator(), new HeaderMutator(), new CookieMutator(), new HydratorMutator(), new IdTokenMutator()),
                List.of(new JsonErrorHandler(), new RedirectErrorHandler(), new WwwAuthenticateErrorHandler()),
                new GatewayConfig(ShippedConfig.with()));
    }

    private static String ruleFile() throws IOException {
        try (InputStream in = OathkeeperRuleFileTest.class.getResourceAsStream("oathkeeper-rules.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void validateWhenOathkeeperRuleFileAsDocumentedThenEveryRuleLoads() throws IOException {
        List<Rule> rules = RuleDocuments.parse(RuleDocuments.Format.YAML, ruleFile());
        HandlerRegistry registry = everyHandler();

        assertEquals(5, rules.size());
        rules.forEach(rule -> assertDoesNotThrow(() -> registry.validate(rule), rule.id()));
    }

    @Test
    void validateWhenTheSameFileHasAMisspeltRequiredScopeThenThatRuleIsRefused() throws IOException {
        List<Rule> rules = RuleDocuments.parse(RuleDocuments.Format.YAML,
                ruleFile().replace("        required_scope: [orders.read]\n        scope_strategy: exact",
                        "        required_scopes: [orders.read]\n        scope_strategy: exact"));
        Rule orders = rules.stream().filter(r -> r.id().equals("api:orders")).findFirst().orElseThrow();

        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> everyHandler().validate(orders));

        assertTrue(e.getMessage().contains("authenticators jwt has an unknown config key \"required_scopes\""), e.getMessage());
    }

    @Test
    void validateWhenShippedDemoRulesThenEveryRuleLoads() {
        HandlerRegistry registry = everyHandler();

        for (MatchStrategy strategy : MatchStrategy.values()) {
            DemoRules.load(strategy).forEach(rule -> assertDoesNotThrow(() -> registry.validate(rule), rule.id()));
        }
    }
}
