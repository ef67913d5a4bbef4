package dev.gatehouse.it.gateway;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code jwt} authenticator against a real JWKS server started by the test: signature, algorithm,
 * expiry, issuer, audience and scope checks; key rotation; a JWKS endpoint that is slow or down.
 */
@ExtendWith(ItServerReady.class)
class JwtAuthenticatorIT {

    static final String HOST = "jwt.it.test";
    static final String ISSUER = "https://issuer.it.test";
    static HttpServer jwks;
    static RSAKey key1;
    static RSAKey key2;
    static final AtomicReference<String> served = new AtomicReference<>();

    @BeforeAll
    static void start() throws Exception {
        key1 = new RSAKeyGenerator(2048).keyID("k1").generate();
        key2 = new RSAKeyGenerator(2048).keyID("k2").generate();
        served.set(new JWKSet(key1.toPublicJWK()).toString());
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
        jwks.setExecutor(Executors.newCachedThreadPool());
        jwks.createContext("/jwks", x -> {
            byte[] b = served.get().getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(200, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        jwks.createContext("/slow", x -> {
            try {
                Thread.sleep(4000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            x.sendResponseHeaders(500, -1);
            x.close();
        });
        jwks.start();
        String base = "http://127.0.0.1:" + jwks.getAddress().getPort();
        String rules = """
                [
                  {"id": "jwt-api", "match": {"url": "http://jwt.it.test/api/<.*>", "methods": ["GET"]},
                   "authenticators": [{"handler": "jwt", "config": {"jwks_urls": ["%1$s/jwks"], "trusted_issuers": ["%2$s"],
                        "target_audience": ["orders"], "required_scope": ["orders.read"], "allowed_algorithms": ["RS256"]}}],
                   "authorizer": {"handler": "allow"},
                   "mutators": [{"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}",
                        "X-Tenant": "{{ print .Extra.tenant }}"}}}]},
                  {"id": "jwt-slow", "match": {"url": "http://jwt.it.test/slow/<.*>", "methods": ["GET"]},
                   "authenticators": [{"handler": "jwt", "config": {"jwks_urls": ["%1$s/slow"]}}],
                   "authorizer": {"handler": "allow"}, "mutators": [{"handler": "noop"}]},
                  {"id": "jwt-down", "match": {"url": "http://jwt.it.test/down/<.*>", "methods": ["GET"]},
                   "authenticators": [{"handler": "jwt", "config": {"jwks_urls": ["http://127.0.0.1:9/jwks"]}}],
                   "authorizer": {"handler": "allow"}, "mutators": [{"handler": "noop"}]}
                ]
                """.formatted(base, ISSUER);
        GatewayRules.install("jwt-it.json", rules, "jwt-down");
    }

    @AfterAll
    static void stop() {
        GatewayRules.delete("jwt-it.json");
        jwks.stop(0);
    }

    static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().subject("user-42").issuer(ISSUER).audience(List.of("orders", "billing"))
                .claim("scp", List.of("orders.read", "orders.write")).claim("tenant", "acme")
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)));
    }

    static String signed(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static Http.Response call(String path, String token) {
        return GatewayRules.decision("GET", HOST, path).header("Authorization", "Bearer " + token).send();
    }

    @Test
    void jwtWhenValidThen200WithSubjectAndClaimHeaders() throws Exception {
        Http.Response r = call("/api/orders", signed(key1, claims().build()));

        assertEquals(200, r.status(), r.toString());
        assertEquals("user-42", r.header("X-User"));
        assertEquals("acme", r.header("X-Tenant"));
    }

    @Test
    void jwtWhenAlgNoneThen401() {
        String token = new PlainJWT(claims().build()).serialize();

        Http.Response r = call("/api/orders", token + "");

        assertEquals(401, r.status(), r.toString());
        assertNull(r.header("X-User"));
    }

    @Test
    void jwtWhenHmacSignedWithThePublicKeyThen401() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims().build());
        jwt.sign(new MACSigner(key1.toPublicJWK().toRSAPublicKey().getEncoded()));

        assertEquals(401, call("/api/orders", jwt.serialize()).status());
    }

    @Test
    void jwtWhenExpiredThen401() throws Exception {
        JWTClaimsSet expired = claims().expirationTime(Date.from(Instant.now().minusSeconds(600))).build();

        assertEquals(401, call("/api/orders", signed(key1, expired)).status());
    }

    @Test
    void jwtWhenWrongIssuerOrAudienceThen401() throws Exception {
        assertEquals(401, call("/api/orders", signed(key1, claims().issuer("https://evil.test").build())).status());
        assertEquals(401, call("/api/orders", signed(key1, claims().audience("other").build())).status());
    }

    @Test
    void jwtWhenScopeMissingThen403() throws Exception {
        Http.Response r = call("/api/orders", signed(key1, claims().claim("scp", List.of("orders.write")).build()));

        assertEquals(403, r.status(), r.toString());
    }

    @Test
    void jwtWhenSignedByAnUnknownKeyThen401() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").generate();

        assertEquals(401, call("/api/orders", signed(stranger, claims().build())).status());
    }

    @Test
    void jwtWhenNotAJwtOrNoTokenThenNoAuthenticatorResponsible401() {
        assertEquals(401, call("/api/orders", "ory_st_opaque").status());
        assertEquals(401, GatewayRules.decision("GET", HOST, "/api/orders").send().status());
    }

    @Test
    void jwtWhenKeyRotatedThenNewKidIsFetchedAndAccepted() throws Exception {
        served.set(new JWKSet(List.of(key1.toPublicJWK(), key2.toPublicJWK())).toString());
        String token = signed(key2, claims().build());

        GatewayRules.await(() -> call("/api/orders", token).status() == 200, "token of the rotated-in key accepted");
    }

    @Test
    void jwtWhenJwksSlowOrDownThenDeniedWithinTheBound() throws Exception {
        String token = signed(key1, claims().build());
        Instant start = Instant.now();

        assertEquals(401, call("/slow/x", token).status());
        assertEquals(401, call("/down/x", token).status());

        assertTrue(Duration.between(start, Instant.now()).toMillis() < 3500, "bounded by the 1 s remote timeout");
    }
}
