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
import dev.gatehouse.gateway.engine.HandlerRegistry;
import dev.gatehouse.gateway.engine.RuleSet;
import dev.gatehouse.gateway.errors.JsonErrorHandler;
import dev.gatehouse.gateway.errors.RedirectErrorHandler;
import dev.gatehouse.gateway.errors.WwwAuthenticateErrorHandler;
import dev.gatehouse.gateway.mutate.CookieMutator;
import dev.gatehouse.gateway.mutate.HeaderMutator;
import dev.gatehouse.gateway.mutate.HydratorMutator;
import dev.gatehouse.gateway.mutate.IdTokenMutator;
import dev.gatehouse.gateway.mutate.NoopMutator;
import dev.gatehouse.gateway.rule.MatchStrategy;
import dev.gatehouse.gateway.rule.Rule;
import dev.gatehouse.kernel.config.ShippedConfig;

import java.util.List;

/** Every handler we ship, in a registry with the shipped settings: rules compile as the server compiles them. */
public final class TestHandlers {

    private TestHandlers() {
    }

    public static HandlerRegistry everyHandler() {
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

    /** The rules compiled by {@link #everyHandler()}, as one set. */
    public static RuleSet ruleSet(List<Rule> rules, MatchStrategy strategy) {
        HandlerRegistry registry = everyHandler();
        return RuleSet.of(rules.stream().map(registry::compile).toList(), strategy);
    }
}
