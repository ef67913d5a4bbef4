package dev.gatehouse.it.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.TestClient;
import dev.gatehouse.it.support.TestClients;
import dev.gatehouse.it.support.TestTenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway handlers that use the token server, driven with real tokens from {@code /oauth2/token} (Nimbus
 * SDK): {@code oauth2_introspection} in-process with the {@code id_token} mutator (the upstream's token verifies
 * against {@code /.well-known/jwks.json}), revoked and unknown tokens denied, and
 * {@code oauth2_client_credentials} exchanging the caller's Basic credentials.
 */
@ExtendWith(ItServerReady.class)
class OAuth2GatewayIT {

    static final String HOST = "oauth-gw.it.test";
    static final String ISSUER = "https://gateway.it.test/";

    static String rules() {
        String tokenUrl = ItServer.get().uri("/oauth2/token").toString();
        return """
                [
                  {"id": "oauth-introspect", "match": {"url": "http://oauth-gw.it.test/api/<.*>", "methods": ["GET"]},
                   "authenticators": [{"handler": "oauth2_introspection", "config": {"required_scope": ["read"],
                        "target_audience": ["https://api.gw.test"]}}],
                   "authorizer": {"handler": "allow"},
                   "mutators": [{"handler": "id_token", "config": {"issuer_url": "%s", "ttl": "1m",
                        "claims": "{\\"aud\\": [\\"upstream-api\\"], \\"client\\": \\"{{ print .Extra.client_id }}\\", \\"session\\": {{ .Extra | toJson }}}"}}]},
                  {"id": "oauth-write", "match": {"url": "http://oauth-gw.it.test/write/<.*>", "methods": ["GET"]},
                   "authenticators": [{"handler": "oauth2_introspection", "config": {"required_scope": ["write"]}}],
                   "authorizer": {"handler": "allow"}, "mutators": [{"handler": "noop"}]},
                  {"id": "oauth-cc", "match": {"url": "http://oauth-gw.it.test/cc/<.*>", "methods": ["GET"]},
                   "authenticators": [{"handler": "oauth2_client_credentials", "config": {"token_url": "%s",
                        "required_scope": ["read"]}}],
                   "authorizer": {"handler": "allow"},
                   "mutators": [{"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}"}}}]}
                ]
                """.formatted(ISSUER, tokenUrl);
    }

    @BeforeAll
    static void install() {
        GatewayRules.install("oauth-gateway-it.json", rules(), "oauth-cc");
    }

    private static TestClient client() {
        return TestClients.confidential().scope("read").audience("https://api.gw.test").create();
    }

    private static AccessToken token(TestClient client) {
        return token(client, "");
    }

    private static AccessToken token(TestClient client, String prefix) {
        return GatewayTokens.clientCredentials(client, prefix, "read", "https://api.gw.test");
    }

    private static Http.Response withBearer(String uri, String token) {
        return GatewayRules.decision("GET", HOST, uri).header("Authorization", "Bearer " + token).send();
    }

    @Test
    void introspectionWhenLiveTokenThenUpstreamGetsIdTokenSignedWithPublishedKeys() throws Exception {
        TestClient client = client();

        Http.Response r = withBearer("/api/orders", token(client).getValue());

        assertEquals(200, r.status(), r.toString());
        String authorization = r.header("Authorization");
        assertNotNull(authorization);
        assertTrue(authorization.startsWith("Bearer "), authorization);
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        JWKSet jwks = JWKSet.load(ItServer.get().uri("/.well-known/jwks.json").toURL());
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.Family.SIGNATURE, new ImmutableJWKSet<>(jwks)));
        JWTClaimsSet claims = processor.process(authorization.substring(7), null);
        assertEquals(client.id(), claims.getSubject());
        assertEquals(ISSUER, claims.getIssuer());
        assertEquals(List.of("upstream-api"), claims.getAudience());
        assertEquals(client.id(), claims.getStringClaim("client"));
        assertEquals(client.id(), claims.getJSONObjectClaim("session").get("client_id"), "the whole .Extra, by toJson");
        assertNotNull(claims.getJWTID());
        long lifetime = claims.getExpirationTime().getTime() - claims.getIssueTime().getTime();
        assertEquals(60_000, lifetime);
    }

    /**
     * In-process introspection reports the issuer the token server itself announces for the tenant, with its
     * {@code /t/{tenant}} prefix, so {@code trusted_issuers} can name it; the default tenant's issuer does not match.
     */
    @Test
    void introspectionWhenTenantReachedThroughPrefixThenItsOwnIssuerIsTrusted() {
        String prefix = "/t/" + TestTenants.create("gw-iss");
        String issuer = Http.get(prefix + "/.well-known/openid-configuration").send().jsonObject().getString("issuer");
        String defaultIssuer = Http.get("/.well-known/openid-configuration").send().jsonObject().getString("issuer");
        assertTrue(issuer.endsWith(prefix), issuer);
        for (String[] r : List.of(new String[] {"tenant-iss", issuer}, new String[] {"default-iss", defaultIssuer})) {
            String rule = """
                    {"id": "%1$s", "match": {"url": "http://oauth-gw.it.test/%1$s/<.*>", "methods": ["GET"]},
                     "authenticators": [{"handler": "oauth2_introspection", "config": {"trusted_issuers": ["%2$s"]}}],
                     "authorizer": {"handler": "allow"}, "mutators": [{"handler": "noop"}]}""".formatted(r[0], r[1]);
            Http.Response created = Http.post(prefix + "/admin/rules").admin().json(rule).send();
            assertEquals(201, created.status(), created.toString());
        }
        TestClient client = TestClients.confidential().scope("read").audience("https://api.gw.test").tenantPrefix(prefix).create();
        String token = token(client, prefix).getValue();

        GatewayRules.await(() -> Http.get(prefix + "/decisions/tenant-iss/x").header("X-Forwarded-Host", HOST)
                .header("X-Forwarded-Proto", "http").header("Authorization", "Bearer " + token).send().status() == 200,
                "the tenant's token admitted under its own issuer");
        Http.Response untrusted = Http.get(prefix + "/decisions/default-iss/x").header("X-Forwarded-Host", HOST)
                .header("X-Forwarded-Proto", "http").header("Authorization", "Bearer " + token).send();
        assertEquals(403, untrusted.status(), "an untrusted issuer is 403, as in Oathkeeper: " + untrusted);
    }

    @Test
    void introspectionWhenTokenRevokedThen401() throws Exception {
        TestClient client = client();
        AccessToken token = token(client);
        assertEquals(200, withBearer("/api/orders", token.getValue()).status());
        GatewayTokens.revoke(client, token);

        Http.Response r = withBearer("/api/orders", token.getValue());

        assertEquals(401, r.status(), r.toString());
        assertNull(r.header("Authorization"));
    }

    @Test
    void introspectionWhenUnknownTokenThen401() {
        assertEquals(401, withBearer("/api/orders", "ory_at_not-a-token").status());
    }

    @Test
    void introspectionWhenRequiredScopeMissingThen403() {
        assertEquals(403, withBearer("/write/orders", token(client()).getValue()).status());
    }

    @Test
    void clientCredentialsWhenValidBasicThenAuthenticatedAsThatClient() {
        TestClient client = client();

        Http.Response r = GatewayRules.decision("GET", HOST, "/cc/x")
                .header("Authorization", GatewayTokens.basic(client.id(), client.secret())).send();

        assertEquals(200, r.status(), r.toString());
        assertEquals(client.id(), r.header("X-User"));
    }

    @Test
    void clientCredentialsWhenWrongSecretThen401() {
        TestClient client = client();

        Http.Response r = GatewayRules.decision("GET", HOST, "/cc/x")
                .header("Authorization", GatewayTokens.basic(client.id(), "wrong")).send();

        assertEquals(401, r.status(), r.toString());
        assertNull(r.header("X-User"));
    }
}
