package dev.gatehouse.it.oauth2.token;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.TestNode;
import dev.gatehouse.it.support.TestClient;
import dev.gatehouse.it.support.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 7009 at {@code /oauth2/revoke}: only the client's own tokens; a refresh token takes its chain along. */
@ExtendWith(ItServerReady.class)
class RevocationIT {

    private final URL node = TestNode.url();

    private static HTTPResponse revoke(TestClient client, Token token) {
        URI endpoint = TokenServer.endpoint("/oauth2/revoke");
        return TokenServer.send(new TokenRevocationRequest(endpoint, client.auth(endpoint), token));
    }

    @Test
    void revokeWhenAccessTokenThenInactiveAndRefreshTokenStillWorks() {
        TestClient client = TestClients.confidential().create();
        OIDCTokens tokens = Grants.redeemed(node, client, "user-1", "openid offline_access");

        assertEquals(200, revoke(client, tokens.getAccessToken()).getStatusCode());

        assertFalse(Grants.active(client, tokens.getAccessToken()));
        assertTrue(Grants.active(client, tokens.getRefreshToken()));
    }

    @Test
    void revokeWhenRefreshTokenThenItsChainsAccessTokensRevokedToo() {
        TestClient client = TestClients.confidential().create();
        OIDCTokens tokens = Grants.redeemed(node, client, "user-1", "openid offline_access");

        assertEquals(200, revoke(client, tokens.getRefreshToken()).getStatusCode());

        assertFalse(Grants.active(client, tokens.getRefreshToken()));
        assertFalse(Grants.active(client, tokens.getAccessToken()));
        TokenServer.event("oauth2_token_revoked", client.id());
    }

    @Test
    void revokeWhenTokenOfAnotherClientThenRefusedAndTokenStaysActive() {
        TestClient owner = TestClients.confidential().create();
        TestClient other = TestClients.confidential().create();
        OIDCTokens tokens = Grants.redeemed(node, owner, "user-1", "openid offline_access");

        HTTPResponse r = revoke(other, tokens.getAccessToken());

        assertEquals(400, r.getStatusCode(), r.getBody());
        assertTrue(r.getBody().contains("unauthorized_client"));
        assertTrue(Grants.active(owner, tokens.getAccessToken()));
    }

    @Test
    void revokeWhenTokenUnknownThenOk() {
        TestClient client = TestClients.confidential().create();

        HTTPResponse r = revoke(client, new BearerAccessToken("ory_at_never-issued"));

        assertEquals(200, r.getStatusCode());
    }

    @Test
    void revokeWhenClientCredentialsTokenThenInactive() {
        TestClient client = TestClients.confidential().scope("read").create();
        URI endpoint = TokenServer.token();
        AccessToken token = TokenServer.success(new TokenRequest.Builder(endpoint, client.auth(endpoint),
                new ClientCredentialsGrant()).scope(new Scope("read")).build()).getOIDCTokens().getAccessToken();

        assertEquals(200, revoke(client, token).getStatusCode());

        assertFalse(Grants.active(client, token));
    }
}
