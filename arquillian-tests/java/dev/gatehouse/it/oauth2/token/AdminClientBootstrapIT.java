package dev.gatehouse.it.oauth2.token;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.TestClient;
import dev.gatehouse.it.support.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bootstrap of the first admin client in docs/token-server.md, end to end: an admin client registered with the admin key gets
 * a JWT access token by client_credentials (Nimbus SDK) and administers with it; without the admin scope, or as an
 * opaque token, it does not.
 */
@ExtendWith(ItServerReady.class)
class AdminClientBootstrapIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static AccessToken token(TestClient client, String scope) {
        URI endpoint = TokenServer.token();
        TokenRequest request = new TokenRequest.Builder(endpoint, client.auth(endpoint), new ClientCredentialsGrant())
                .scope(Scope.parse(scope)).build();
        return TokenServer.success(request).getOIDCTokens().getAccessToken();
    }

    private static int listIdentities(AccessToken token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(TokenServer.endpoint("/admin/identities"))
                .header("Authorization", "Bearer " + token.getValue()).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void adminApiWhenJwtTokenOfAdminClientThenServed() throws Exception {
        TestClient ops = TestClients.jwtStrategy().scope("gatehouse:admin").create();

        assertEquals(200, listIdentities(token(ops, "gatehouse:admin")));
    }

    @Test
    void adminApiWhenJwtTokenRevokedThenUnauthorizedAtOnce() throws Exception {
        TestClient ops = TestClients.jwtStrategy().scope("gatehouse:admin").create();
        AccessToken token = token(ops, "gatehouse:admin");
        assertEquals(200, listIdentities(token));
        URI revoke = TokenServer.endpoint("/oauth2/revoke");
        assertEquals(200, TokenServer.send(new TokenRevocationRequest(revoke, ops.auth(revoke), token)).getStatusCode());

        assertEquals(401, listIdentities(token), "a revoked admin token no longer administers, though its signature still verifies");
    }

    @Test
    void adminApiWhenJwtTokenWithoutAdminScopeThenForbidden() throws Exception {
        TestClient reader = TestClients.jwtStrategy().scope("read").create();

        assertEquals(403, listIdentities(token(reader, "read")));
    }

    @Test
    void adminApiWhenOpaqueTokenEvenWithAdminScopeThenUnauthorized() throws Exception {
        TestClient opaque = TestClients.confidential().scope("gatehouse:admin").create();

        assertEquals(401, listIdentities(token(opaque, "gatehouse:admin")));
    }
}
