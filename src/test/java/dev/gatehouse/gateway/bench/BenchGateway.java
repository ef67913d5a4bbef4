package dev.gatehouse.gateway.bench;

import dev.gatehouse.gateway.GatewayConfig;
import dev.gatehouse.gateway.RemoteCalls;
import dev.gatehouse.gateway.authn.AnonymousAuthenticator;
import dev.gatehouse.gateway.authn.JwksCache;
import dev.gatehouse.gateway.authn.JwtAuthenticator;
import dev.gatehouse.gateway.authz.AllowAuthorizer;
import dev.gatehouse.gateway.demo.DemoRules;
import dev.gatehouse.gateway.engine.ActiveRules;
import dev.gatehouse.gateway.engine.DecisionEngine;
import dev.gatehouse.gateway.engine.DecisionLog;
import dev.gatehouse.gateway.engine.HandlerRegistry;
import dev.gatehouse.gateway.errors.JsonErrorHandler;
import dev.gatehouse.gateway.mutate.HeaderMutator;
import dev.gatehouse.gateway.rule.Rule;
import dev.gatehouse.gateway.rule.RuleDocuments;
import dev.gatehouse.gateway.rule.RuleStore;
import dev.gatehouse.gateway.rule.RuleVersion;
import dev.gatehouse.gateway.rule.StoredRule;
import dev.gatehouse.kernel.config.ShippedConfig;
import dev.gatehouse.kernel.event.SecurityEvent;
import dev.gatehouse.kernel.event.SecurityEvents;
import dev.gatehouse.kernel.tenant.TenantId;
import dev.gatehouse.platform.db.Transactions;

import java.lang.reflect.Field;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link DecisionEngine} wired as the server wires it, without a server: the shipped gateway settings with a global
 * {@code jwt} config, three database rules of the default tenant, the handlers the rules name, a JWKS answered
 * locally, and security events built but not dispatched.
 */
record BenchGateway(DecisionEngine engine) {

    static final String JWKS_URL = "http://jwks.bench.test/.well-known/jwks.json";

    private static final String RULES = """
            [{"id": "public", "match": {"url": "http://api.bench.test/public/<.*>", "methods": ["GET"]},
              "authenticators": [{"handler": "anonymous"}], "authorizer": {"handler": "allow"},
              "mutators": [{"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}"}}}]},
             {"id": "admin", "match": {"url": "http://api.bench.test/admin/<.*>", "methods": ["GET"]},
              "authenticators": [{"handler": "jwt"}], "authorizer": {"handler": "allow"},
              "mutators": [{"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}"}}}]},
             {"id": "orders", "match": {"url": "http://api.bench.test/orders/<[0-9]+>", "methods": ["GET"]},
              "authenticators": [{"handler": "jwt", "config": {"trusted_issuers": ["%s"], "target_audience": ["api"],
                                  "required_scope": ["read"]}}],
              "authorizer": {"handler": "allow"},
              "mutators": [{"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}"}}}]}]
            """.formatted(GatewayDecisionBenchmark.ISSUER);

    static BenchGateway of(String jwks) throws ReflectiveOperationException {
        GatewayConfig config = new GatewayConfig(ShippedConfig.with("gatehouse.gateway.authenticators.jwt.config",
                "{\"jwks_urls\": [\"" + JWKS_URL + "\"]}"));
        Clock clock = Clock.systemUTC();
        SecurityEvents events = new SecurityEvents() {
            @Override
            public void fire(SecurityEvent.Builder builder) {
                builder.build();
            }
        };
        RemoteCalls localJwks = new RemoteCalls() {
            @Override
            public Reply call(String method, URI uri, Map<String, String> headers, String body) {
                return new Reply(200, jwks, Map.of());
            }
        };
        JwksCache cache = inject(new JwksCache(), Map.of("remote", localJwks, "config", config, "clock", clock));
        JwtAuthenticator jwt = inject(new JwtAuthenticator(), Map.of("jwks", cache, "clock", clock));
        HandlerRegistry handlers = new HandlerRegistry(List.of(jwt, new AnonymousAuthenticator()), List.of(new AllowAuthorizer()),
                List.of(new HeaderMutator()), List.of(new JsonErrorHandler()), config);
        DemoRules noDemo = new DemoRules() {
            @Override
            public List<Rule> rules() {
                return List.of();
            }
        };
        ActiveRules rules = inject(new ActiveRules(), Map.of("config", config, "compiler", handlers, "store",
                new Store(RuleDocuments.parse(RuleDocuments.Format.JSON, RULES)), "events", events, "clock", clock, "demo", noDemo,
                "transactions", new Transactions()));
        DecisionLog log = inject(new DecisionLog(), Map.of("events", events));
        return new BenchGateway(new DecisionEngine(rules, handlers, log, config));
    }

    private static <T> T inject(T target, Map<String, Object> fields) throws ReflectiveOperationException {
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            Field f = target.getClass().getDeclaredField(e.getKey());
            f.setAccessible(true);
            f.set(target, e.getValue());
        }
        return target;
    }

    /** The default tenant's database rules, read-only. */
    private record Store(List<Rule> rules) implements RuleStore {

        @Override
        public long setVersion(TenantId tenant) {
            return 1;
        }

        @Override
        public List<StoredRule> list(TenantId tenant) {
            return rules.stream().map(r -> new StoredRule(r, 1, Instant.EPOCH, Instant.EPOCH)).toList();
        }

        @Override
        public Optional<StoredRule> find(TenantId tenant, String ruleId) {
            return list(tenant).stream().filter(s -> s.rule().id().equals(ruleId)).findFirst();
        }

        @Override
        public StoredRule save(TenantId tenant, Rule rule, String actor, Write write) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(TenantId tenant, String ruleId, String actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<RuleVersion> history(TenantId tenant, String ruleId) {
            return List.of();
        }
    }
}
