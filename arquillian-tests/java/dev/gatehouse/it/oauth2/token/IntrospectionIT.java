package dev.gatehouse.it.oauth2.token;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.TestClient;
import dev.gatehouse.it.support.TestClients;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RFC 7662 at {@code /oauth2/introspect} for authenticated clients and Hydra's admin
 * {@code /admin/oauth2/introspect}: the facts of a live token, {@code {"active":false}} and nothing else otherwise.
 */
@ExtendWith(ItServerReady.class)
class IntrospectionIT {

    private static AccessToken accessToken(TestClient client) {
        URI endpoint = TokenServer.token();
        return TokenServer.success(new TokenRequest.Builder(endpoint, client.auth(endpoint), new ClientCredentialsGrant())
                .scope(new Scope("read")).customParameter("audience", "https://api.example.test").build())
                .getOIDCTokens().getAccessToken();
    }

    private static TestClient client() {
        return TestClients.confidential().scope("read").audience("https://api.example.test").create();
    }

    @Test
    void introspectWhenLiveTokenThenActiveWithItsFacts() {
        TestClient client = client();
        TestClient resourceServer = TestClients.confidential().create();
        AccessToken token = accessToken(client);

        TokenIntrospectionSuccessResponse r = Grants.introspect(resourceServer, token);

        assertTrue(r.isActive());
        assertEquals(new Scope("read"), r.getScope());
        assertEquals(client.id(), r.getClientID().getValue());
        assertEquals(client.id(), r.getSubject().getValue());
        assertEquals(List.of("https://api.example.test"), r.getAudience().stream().map(a -> a.getValue()).toList());
        assertEquals(TokenServer.issuer().getValue(), r.getIssuer().getValue());
        assertTrue(r.getExpirationTime().after(r.getIssueTime()));
        assertEquals("access_token", r.getStringParameter("token_use"));
    }

    @Test
    void introspectWhenUnknownRevokedOrExpiredThenOnlyActiveFalse() throws Exception {
        TestClient client = client();
        AccessToken expired = accessToken(client);
        TokenServer.update("UPDATE oauth2_token SET expires_at = issued_at WHERE client_id = ?", client.id());
        AccessToken revoked = accessToken(client);
        URI revoke = TokenServer.endpoint("/oauth2/revoke");
        assertEquals(200, TokenServer.send(new com.nimbusds.oauth2.sdk.TokenRevocationRequest(revoke,
                client.auth(revoke), revoked)).getStatusCode());

        for (AccessToken token : List.of(expired, revoked, new BearerAccessToken("ory_at_unknown"))) {
            URI endpoint = TokenServer.endpoint("/oauth2/introspect");
            HTTPResponse r = TokenServer.send(new TokenIntrospectionRequest(endpoint, client.auth(endpoint), token));
            assertEquals(200, r.getStatusCode());
            assertEquals(Map.of("active", false), JSONObjectUtils.parse(r.getBody()));
        }
    }

    @Test
    void introspectWhenClientNotAuthenticatedThenInvalidClientAndNothingDisclosed() {
        TestClient client = client();
        AccessToken token = accessToken(client);
        URI endpoint = TokenServer.endpoint("/oauth2/introspect");

        HTTPResponse r = TokenServer.send(new TokenIntrospectionRequest(endpoint,
                new ClientSecretBasic(client.clientId(), new Secret("wrong-secret-wrong-secret-wrong-secret")), token));

        assertEquals(401, r.getStatusCode());
        assertTrue(r.getBody().contains("invalid_client"));
        assertFalse(r.getBody().contains("active"));
    }

    @Test
    void adminIntrospectWhenAdminCredentialThenSameFactsAndWithoutThenUnauthorized() {
        TestClient client = client();
        AccessToken token = accessToken(client);
        String form = "token=" + URLEncoder.encode(token.getValue(), StandardCharsets.UTF_8);

        Http.Response admin = Http.post("/admin/oauth2/introspect").admin()
                .body("application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8)).send();
        Http.Response anonymous = Http.post("/admin/oauth2/introspect")
                .body("application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8)).send();

        assertEquals(200, admin.status(), admin.body());
        JsonObject json = admin.jsonObject();
        assertTrue(json.getBoolean("active"));
        assertEquals(client.id(), json.getString("client_id"));
        assertEquals("read", json.getString("scope"));
        assertEquals("Bearer", json.getString("token_type"));
        assertEquals(401, anonymous.status());
        assertFalse(anonymous.body().contains(client.id()));
    }

    @Test
    void introspectWhenRefreshTokenValueUnknownThenInactive() {
        TestClient client = client();

        assertFalse(Grants.active(client, new RefreshToken("ory_rt_unknown")));
    }
}
