package dev.gatehouse.gateway.authn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.gatehouse.gateway.AuthenticationSession;
import dev.gatehouse.gateway.ErrorKind;
import dev.gatehouse.gateway.GatewayException;
import dev.gatehouse.gateway.GatewayRequest;
import dev.gatehouse.gateway.rule.RequestTarget;
import dev.gatehouse.kernel.MovableClock;
import dev.gatehouse.kernel.json.JsonText;
import dev.gatehouse.kernel.tenant.TenantId;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code jwt}'s {@code scope_strategy}, with a signed token and a stand-in key set: what is admitted, what is 403. */
class JwtAuthenticatorScopeTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final String JWKS = "http://keys.test/jwks.json";
    private static RSAKey key;

    private JwtAuthenticator authenticator;

    @BeforeAll
    static void key() throws JOSEException {
        key = new RSAKeyGenerator(2048).keyID("k1").algorithm(JWSAlgorithm.RS256).generate();
    }

    @BeforeEach
    void setUp() {
        authenticator = new JwtAuthenticator();
        authenticator.clock = new MovableClock(NOW);
        authenticator.jwks = new JwksCache() {
            @Override
            public List<JWK> keys(List<String> urls, String kid) {
                return urls.equals(List.of(JWKS)) ? List.of(key.toPublicJWK()) : List.of();
            }
        };
    }

    /** Authenticates a token granting {@code scope} (the {@code scope} claim) under {@code strategy}. */
    private String authenticate(String strategy, Object scope, String... required) throws JOSEException {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("user-1").expirationTime(Date.from(NOW.plusSeconds(600)));
        claims.claim(scope instanceof List ? "scp" : "scope", scope);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims.build());
        jwt.sign(new RSASSASigner(key));
        StringBuilder config = new StringBuilder("{\"jwks_urls\": [\"" + JWKS + "\"]");
        if (strategy != null) {
            config.append(", \"scope_strategy\": \"").append(strategy).append('"');
        }
        config.append(", \"required_scope\": [");
        for (int i = 0; i < required.length; i++) {
            config.append(i == 0 ? "" : ",").append('"').append(required[i]).append('"');
        }
        config.append("]}");
        Authenticator.Bound bound = authenticator.bind(JsonText.readObject(config.toString()));
        GatewayRequest request = new GatewayRequest(TenantId.DEFAULT, RequestTarget.of("GET", "http", "api.test", "/x"), "",
                Map.of("Authorization", List.of("Bearer " + jwt.serialize())), Map.of(), "127.0.0.1", "http://localhost:9080");
        AuthenticationSession session = new AuthenticationSession(List.of(), "http://api.test/x", "GET");
        assertTrue(bound.authenticate(request, session));
        return session.subject();
    }

    private ErrorKind refused(String strategy, Object scope, String... required) {
        return assertThrows(GatewayException.class, () -> authenticate(strategy, scope, required)).kind();
    }

    @Test
    void authenticateWhenNoStrategyThenExactMatchAsBefore() throws JOSEException {
        assertEquals("user-1", authenticate(null, "read write", "read", "write"));
        assertEquals(ErrorKind.FORBIDDEN, refused(null, "read", "read.all"));
    }

    @Test
    void authenticateWhenExactThenOnlyTheSameScopeCounts() throws JOSEException {
        assertEquals("user-1", authenticate("exact", List.of("orders.read"), "orders.read"));
        assertEquals(ErrorKind.FORBIDDEN, refused("exact", "orders", "orders.read"));
        assertEquals(ErrorKind.FORBIDDEN, refused("exact", "orders.*", "orders.read"));
    }

    @Test
    void authenticateWhenHierarchicThenAParentScopeGrantsItsChildren() throws JOSEException {
        assertEquals("user-1", authenticate("hierarchic", "orders", "orders.read", "orders.write"));
        assertEquals("user-1", authenticate("hierarchic", List.of("orders.read"), "orders.read"));
        assertEquals(ErrorKind.FORBIDDEN, refused("hierarchic", "orders.read", "orders"));
        assertEquals(ErrorKind.FORBIDDEN, refused("hierarchic", "orders", "ordersadmin"));
    }

    @Test
    void authenticateWhenWildcardThenAStarGrantsOnePart() throws JOSEException {
        assertEquals("user-1", authenticate("wildcard", "orders.* profile", "orders.read", "profile"));
        assertEquals(ErrorKind.FORBIDDEN, refused("wildcard", "orders.*", "orders.read.all"));
        assertEquals(ErrorKind.FORBIDDEN, refused("wildcard", "orders.*", "invoices.read"));
    }

    @Test
    void authenticateWhenNoneThenNoScopeCheckWithoutRequiredScopeAndRefusedConfigWithIt() throws JOSEException {
        assertEquals("user-1", authenticate("none", "anything"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> authenticate("none", "read", "read"));
        assertTrue(e.getMessage().contains("scope_strategy none"), e.getMessage());
    }

    @Test
    void validateWhenStrategyUnknownThenRefusedNamingTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> authenticate("prefix", "read", "read"));

        assertTrue(e.getMessage().contains("[exact, hierarchic, wildcard, none]"), e.getMessage());
    }
}
