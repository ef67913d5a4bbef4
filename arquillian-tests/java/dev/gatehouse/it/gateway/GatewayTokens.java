package dev.gatehouse.it.gateway;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.TestClient;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fixture: real tokens from the test server's token endpoint (Nimbus SDK) and client credentials as callers send them. */
final class GatewayTokens {

    private GatewayTokens() {
    }

    /**
     * A client_credentials access token from the token endpoint of the tenant reached through {@code prefix}
     * ({@code ""}: the default tenant), for {@code scope} and, unless null, {@code audience}.
     */
    static AccessToken clientCredentials(TestClient client, String prefix, String scope, String audience) {
        URI endpoint = ItServer.get().uri(prefix + "/oauth2/token");
        try {
            TokenRequest.Builder request = new TokenRequest.Builder(endpoint, client.auth(endpoint), new ClientCredentialsGrant())
                    .scope(Scope.parse(scope));
            if (audience != null) {
                request.customParameter("audience", audience);
            }
            TokenResponse r = TokenResponse.parse(request.build().toHTTPRequest().send());
            assertTrue(r.indicatesSuccess(), () -> r.toErrorResponse().getErrorObject().toString());
            return r.toSuccessResponse().getTokens().getAccessToken();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Revokes {@code token} at the default tenant's {@code /oauth2/revoke} as its client. */
    static void revoke(TestClient client, AccessToken token) {
        URI revoke = ItServer.get().uri("/oauth2/revoke");
        try {
            assertEquals(200, new TokenRevocationRequest(revoke, client.auth(revoke), token).toHTTPRequest().send().getStatusCode());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code Authorization: Basic} as RFC 6749 §2.3.1 spells it: id and secret form-encoded, then Base64. */
    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((URLEncoder.encode(id, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }
}
