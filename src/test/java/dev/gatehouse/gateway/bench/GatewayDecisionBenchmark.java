package dev.gatehouse.gateway.bench;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.GatewayConfig;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.RemoteCalls;
import dev.gatehouse.gateway.authn.JwksCache;
import dev.gatehouse.gateway.authn.JwtAuthenticator;
import dev.gatehouse.gateway.authz.AllowAuthorizer;
import dev.gatehouse.gateway.mutate.HeaderMutator;
import dev.gatehouse.gateway.rule.HandlerRef;
import dev.gatehouse.gateway.rule.MatchStrategy;
import dev.gatehouse.gateway.rule.RequestTarget;
import dev.gatehouse.gateway.rule.Rule;
import dev.gatehouse.gateway.rule.RuleMatch;
import dev.gatehouse.gateway.rule.RuleSet;
import dev.gatehouse.gateway.rule.Upstream;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.tenant.TenantId;
import jakarta.json.JsonObject;
import java.lang.reflect.Field;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one gateway decision for a {@code jwt} + {@code allow} + {@code header} rule, as
 * {@code DecisionEngine} runs it: match the rule among a few others, verify an RS256 token against a JWKS
 * (a local one from a generated key, served by a stand-in for {@link RemoteCalls}, so the figure is the
 * decision, not the network), allow, render the header. Not part of {@code mvn verify}; run it as the README's
 * gateway section says.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GatewayDecisionBenchmark {

    private static final String JWKS_URL = "http://jwks.bench.test/.well-known/jwks.json";

    private RuleSet rules;
    private JwtAuthenticator jwt;
    private AllowAuthorizer allow;
    private HeaderMutator header;
    private JsonObject jwtConfig;
    private JsonObject headerConfig;
    private GatewayRequest request;

    @Setup
    public void setUp() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench").algorithm(JWSAlgorithm.RS256).generate();
        String jwks = new JWKSet(key.toPublicJWK()).toString();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("bench").type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().subject("user-1").issuer("https://idp.bench.test")
                        .audience("api").claim("scope", "read")
                        .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(2)))).build());
        token.sign(new RSASSASigner(key));

        GatewayConfig config = new GatewayConfig() {
            @Override
            public Duration jwksCacheTtl() {
                return Duration.ofHours(1);
            }

            @Override
            public Duration remoteTimeout() {
                return Duration.ofSeconds(2);
            }
        };
        RemoteCalls localJwks = new RemoteCalls() {
            @Override
            public Reply call(String method, URI uri, Map<String, String> headers, String body) {
                return new Reply(200, jwks, Map.of());
            }
        };
        JwksCache cache = new JwksCache();
        inject(cache, "remote", localJwks);
        inject(cache, "config", config);
        inject(cache, "clock", Clock.systemUTC());
        jwt = new JwtAuthenticator();
        inject(jwt, "jwks", cache);
        inject(jwt, "clock", Clock.systemUTC());
        allow = new AllowAuthorizer();
        header = new HeaderMutator();

        jwtConfig = JsonText.readObject("{\"jwks_urls\": [\"" + JWKS_URL + "\"], \"trusted_issuers\": [\"https://idp.bench.test\"],"
                + " \"target_audience\": [\"api\"], \"required_scope\": [\"read\"]}");
        headerConfig = JsonText.readObject("{\"headers\": {\"X-User\": \"{{ print .Subject }}\"}}");
        rules = RuleSet.of(List.of(
                rule("public", "http://api.bench.test/public/<.*>"),
                rule("admin", "http://api.bench.test/admin/<.*>"),
                rule("orders", "http://api.bench.test/orders/<[0-9]+>")), MatchStrategy.REGEXP);
        request = new GatewayRequest(TenantId.DEFAULT, RequestTarget.of("GET", "http", "api.bench.test", "/orders/42"), "",
                Map.of("Authorization", List.of("Bearer " + token.serialize())), Map.of(), "127.0.0.1", "http://localhost:9080");
        String subject = decide();
        if (!subject.equals("user-1")) {
            throw new IllegalStateException("the benchmark's decision did not allow the request: " + subject);
        }
    }

    private static Rule rule(String id, String url) {
        return new Rule(id, "v0.40.0", "", Upstream.NONE, url, List.of("GET"), List.of(HandlerRef.of("jwt")),
                HandlerRef.of("allow"), List.of(HandlerRef.of("header")), List.of());
    }

    private static void inject(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    /** One decision; returns the header the upstream would get, so the work cannot be optimised away. */
    @Benchmark
    public String decide() {
        RuleMatch.Found found = (RuleMatch.Found) rules.match(request.target());
        AuthenticationSession session = new AuthenticationSession(found.captureGroups(), request.target().url(),
                request.target().method());
        if (!jwt.authenticate(request, jwtConfig, session)) {
            throw new IllegalStateException("jwt was not responsible");
        }
        allow.authorize(request, JsonObject.EMPTY_JSON_OBJECT, session);
        header.mutate(request, headerConfig, session);
        return session.headers().get("X-User");
    }

    /** Runs this benchmark: {@code java -cp ... dev.gatehouse.gateway.bench.GatewayDecisionBenchmark}. */
    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(new String[] {GatewayDecisionBenchmark.class.getName()});
    }
}
