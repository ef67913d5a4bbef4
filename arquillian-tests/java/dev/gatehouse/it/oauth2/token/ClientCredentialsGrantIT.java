package dev.gatehouse.it.oauth2.token;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.TestClient;
import dev.gatehouse.it.support.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code grant_type=client_credentials} and what the token endpoint checks before any grant: client
 * authentication by every method, registered grant types, scopes and audiences, and malformed requests.
 */
@ExtendWith(ItServerReady.class)
class ClientCredentialsGrantIT {

    private static TokenRequest request(TestClient client, String scope, String... audience) {
        URI endpoint = TokenServer.token();
        TokenRequest.Builder b = new TokenRequest.Builder(endpoint, client.auth(endpoint), new ClientCredentialsGrant());
        if (scope != null) {
            b.scope(Scope.parse(scope));
        }
        if (audience.length > 0) {
            b.customParameter("audience", String.join(" ", audience));
        }
        return b.build();
    }

    @Test
    void tokenWhenSecretBasicThenOpaqueAccessTokenWithGrantedScopeAndNoRefreshToken() {
        TestClient client = TestClients.confidential().scope("read write").audience("https://api.example.test").create();

        OIDCTokenResponse response = TokenServer.success(request(client, "read", "https://api.example.test"));

        AccessToken token = response.getOIDCTokens().getAccessToken();
        assertTrue(token.getValue().startsWith("ory_at_"));
        assertEquals(Scope.parse("read"), token.getScope());
        assertNull(response.getOIDCTokens().getRefreshToken());
        assertNull(response.getOIDCTokens().getIDToken());
        TokenServer.event("oauth2_token_issued", client.id());
        TokenServer.assertNotLogged(token.getValue(), client.secret());
    }

    @Test
    void tokenWhenSecretPostThenAccessToken() {
        TestClient client = TestClients.secretPost().scope("read").create();

        TokenServer.success(request(client, "read"));
    }

    @Test
    void tokenWhenPrivateKeyJwtThenAccessTokenAndAssertionReplayRefused() {
        TestClient client = TestClients.privateKeyJwt().scope("read").create();
        PrivateKeyJWT assertion = client.privateKeyJwt(TokenServer.token());
        TokenRequest first = new TokenRequest.Builder(TokenServer.token(), assertion, new ClientCredentialsGrant()).build();

        TokenServer.success(first);

        TokenServer.failure(first, 401, "invalid_client");
    }

    @Test
    void tokenWhenJwtStrategyThenAtJwtSignedAndCarryingRfc9068Claims() throws Exception {
        TestClient client = TestClients.jwtStrategy().scope("read").audience("https://api.example.test").create();

        AccessToken token = TokenServer.success(request(client, "read", "https://api.example.test"))
                .getOIDCTokens().getAccessToken();

        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(TokenServer.jwks())));
        JWTClaimsSet claims = processor.process(token.getValue(), null);
        assertEquals(TokenServer.issuer().getValue(), claims.getIssuer());
        assertEquals(client.id(), claims.getSubject());
        assertEquals(client.id(), claims.getStringClaim("client_id"));
        assertEquals(List.of("https://api.example.test"), claims.getAudience());
        assertEquals("read", claims.getStringClaim("scope"));
        assertTrue(claims.getExpirationTime().after(claims.getIssueTime()));
        assertTrue(claims.getJWTID() != null && !claims.getJWTID().isEmpty());
    }

    @Test
    void tokenWhenWrongSecretThenInvalidClientWithBasicChallenge() {
        TestClient client = TestClients.confidential().scope("read").create();
        TokenRequest request = new TokenRequest.Builder(TokenServer.token(),
                new ClientSecretBasic(client.clientId(), new Secret("not-the-secret-but-long-enough-to-look-real")),
                new ClientCredentialsGrant()).build();

        HTTPResponse r = TokenServer.send(request);

        assertEquals(401, r.getStatusCode());
        assertTrue(r.getHeaderValue("WWW-Authenticate").startsWith("Basic"), r.getHeaderValue("WWW-Authenticate"));
        TokenServer.failure(request, 401, "invalid_client");
        TokenServer.event("oauth2_token_failed", "invalid_client");
    }

    @Test
    void tokenWhenScopeNotRegisteredThenInvalidScope() {
        TestClient client = TestClients.confidential().scope("read").create();

        TokenServer.failure(request(client, "read admin"), 400, "invalid_scope");
    }

    @Test
    void tokenWhenAudienceNotRegisteredThenInvalidScope() {
        TestClient client = TestClients.confidential().scope("read").audience("https://api.example.test").create();

        TokenServer.failure(request(client, "read", "https://other.example.test"), 400, "invalid_scope");
    }

    @Test
    void tokenWhenClientLacksGrantThenUnauthorizedClient() {
        TestClient client = TestClients.confidential().grantTypes("authorization_code").scope("read").create();

        TokenServer.failure(request(client, "read"), 400, "unauthorized_client");
    }

    @Test
    void tokenWhenGrantTypeUnknownThenUnsupportedGrantType() {
        TestClient client = TestClients.confidential().create();
        TokenRequest request = new TokenRequest.Builder(TokenServer.token(), client.auth(TokenServer.token()),
                new com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant("ada", new Secret("a password")))
                .build();

        TokenServer.failure(request, 400, "unsupported_grant_type");
    }

    @Test
    void tokenWhenParameterRepeatedThenInvalidRequest() {
        TestClient client = TestClients.confidential().scope("read admin").create();
        HTTPRequest http = request(client, "read").toHTTPRequest();
        http.setBody(http.getBody() + "&scope=admin");

        HTTPResponse r = send(http);

        assertEquals(400, r.getStatusCode());
        assertTrue(r.getBody().contains("\"invalid_request\""), r.getBody());
        assertEquals("no-store", r.getHeaderValue("Cache-Control"));
    }

    @Test
    void tokenWhenParameterOversizedThenInvalidRequest() {
        TestClient client = TestClients.confidential().scope("read").create();
        HTTPRequest http = request(client, "read").toHTTPRequest();
        http.setBody(http.getBody() + "&audience=" + "a".repeat(9000));

        HTTPResponse r = send(http);

        assertEquals(400, r.getStatusCode());
        assertTrue(r.getBody().contains("\"invalid_request\""), r.getBody());
    }

    @Test
    void tokenWhenPublicClientThenClientCredentialsRefused() {
        // the admin API already refuses to register a public client for client_credentials; this one asks anyway.
        // Nimbus will not even build the request (client_credentials needs client authentication): sent by hand
        TestClient client = TestClients.publicClient().scope("read").create();
        HTTPRequest http = new HTTPRequest(HTTPRequest.Method.POST, TokenServer.token());
        http.setEntityContentType(com.nimbusds.common.contenttype.ContentType.APPLICATION_URLENCODED);
        http.setBody("grant_type=client_credentials&scope=read&client_id=" + client.id());

        HTTPResponse r = send(http);

        assertEquals(400, r.getStatusCode(), r.getBody());
        assertTrue(r.getBody().contains("\"unauthorized_client\""), r.getBody());
        assertFalse(r.getBody().contains("access_token"), r.getBody());
    }

    @Test
    void tokenWhenGrantTypeMissingThenInvalidRequest() {
        TestClient client = TestClients.confidential().create();
        HTTPRequest http = request(client, null).toHTTPRequest();
        http.setBody("scope=read");

        HTTPResponse r = send(http);

        assertEquals(400, r.getStatusCode());
        assertTrue(r.getBody().contains("\"invalid_request\""), r.getBody());
    }

    private static HTTPResponse send(HTTPRequest http) {
        try {
            return http.send();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
