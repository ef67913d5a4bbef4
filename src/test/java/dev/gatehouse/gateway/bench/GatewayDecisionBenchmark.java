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
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.engine.Decision;
import dev.gatehouse.gateway.rule.RequestTarget;
import dev.gatehouse.kernel.tenant.TenantId;
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

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The cost of one gateway decision, as an enforcement point asks for it ({@code DecisionEngine.decide}): the
 * tenant's rule set in force, the one matching rule among three, its handlers with their configuration (a global
 * {@code gatehouse.gateway.authenticators.jwt.config} under the rule's), and the decision event.
 * {@link #jwtRule}: verify an RS256 token against a JWKS (a local one from a generated key, served by a stand-in
 * for the remote call, so the figure is the decision, not the network), check issuer, audience and scope, allow,
 * render {@code X-User}. {@link #anonymousRule}: the same without a token, so what is left is the gateway's own
 * work around the handlers. Not part of {@code mvn verify}; run it as docs/testing.md says ("Benchmarks").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GatewayDecisionBenchmark {

    static final String ISSUER = "https://idp.bench.test";

    private BenchGateway gateway;
    private GatewayRequest withToken;
    private GatewayRequest anonymous;

    @Setup
    public void setUp() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench").algorithm(JWSAlgorithm.RS256).generate();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("bench").type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().subject("user-1").issuer(ISSUER)
                        .audience("api").claim("scope", "read")
                        .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(2)))).build());
        token.sign(new RSASSASigner(key));
        gateway = BenchGateway.of(new JWKSet(key.toPublicJWK()).toString());
        withToken = request("/orders/42", Map.of("Authorization", List.of("Bearer " + token.serialize())));
        anonymous = request("/public/news", Map.of());
        check(jwtRule(), "user-1");
        check(anonymousRule(), "anonymous");
    }

    private static GatewayRequest request(String path, Map<String, List<String>> headers) {
        return new GatewayRequest(TenantId.DEFAULT, RequestTarget.of("GET", "http", "api.bench.test", path), "",
                headers, Map.of(), "127.0.0.1", "http://localhost:9080");
    }

    private static void check(String user, String expected) {
        if (!expected.equals(user)) {
            throw new IllegalStateException("the benchmark's decision did not allow the request as " + expected + ": " + user);
        }
    }

    /** One decision about a JWT-carrying request; returns the header the upstream would get, so it cannot be optimised away. */
    @Benchmark
    public String jwtRule() {
        return user(gateway.engine().decide(withToken));
    }

    /** One decision about a request without credentials under an {@code anonymous} rule. */
    @Benchmark
    public String anonymousRule() {
        return user(gateway.engine().decide(anonymous));
    }

    private static String user(Decision decision) {
        return decision instanceof Decision.Allowed a ? a.session().headers().get("X-User") : decision.toString();
    }

    /** Runs this benchmark: {@code java -cp ... dev.gatehouse.gateway.bench.GatewayDecisionBenchmark}. */
    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(new String[] {GatewayDecisionBenchmark.class.getName()});
    }
}
