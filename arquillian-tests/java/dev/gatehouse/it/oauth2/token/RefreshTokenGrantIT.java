package dev.gatehouse.it.oauth2.token;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.TestClient;
import dev.gatehouse.it.support.TestClients;
import dev.gatehouse.it.support.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code grant_type=refresh_token} with rotation: a new refresh token every time, reuse of an old one revokes
 * the whole chain, scope may narrow but never widen, the new ID token keeps the original {@code auth_time}.
 */
@ExtendWith(ItServerReady.class)
class RefreshTokenGrantIT {

    private final URL node = TestNode.url();

    private static TokenRequest refresh(TestClient client, RefreshToken token, Scope scope) {
        URI endpoint = TokenServer.token();
        TokenRequest.Builder b = new TokenRequest.Builder(endpoint, client.auth(endpoint), new RefreshTokenGrant(token));
        if (scope != null) {
            b.scope(scope);
        }
        return b.build();
    }

    @Test
    void tokenWhenRefreshedThenNewRefreshTokenAndIdTokenWithOriginalAuthTime() throws Exception {
        TestClient client = TestClients.confidential().create();
        OIDCTokens first = Grants.redeemed(node, client, TestSubjects.create().id(), "openid offline_access email");
        IDTokenValidator validator = TokenServer.idTokenValidator(client.clientId());
        IDTokenClaimsSet original = validator.validate(first.getIDToken(), null);

        OIDCTokens second = TokenServer.success(refresh(client, first.getRefreshToken(), null)).getOIDCTokens();

        assertNotEquals(first.getRefreshToken(), second.getRefreshToken());
        assertNotEquals(first.getAccessToken(), second.getAccessToken());
        IDTokenClaimsSet renewed = validator.validate(second.getIDToken(), null);
        assertEquals(original.getAuthenticationTime(), renewed.getAuthenticationTime());
        assertEquals(original.getSubject(), renewed.getSubject());
        assertTrue(Grants.active(client, second.getAccessToken()));
        assertTrue(Grants.active(client, second.getRefreshToken()));
    }

    @Test
    void tokenWhenOldRefreshTokenReusedThenInvalidGrantAndWholeChainRevoked() {
        TestClient client = TestClients.confidential().create();
        OIDCTokens first = Grants.redeemed(node, client, "user-1", "openid offline_access");
        OIDCTokens second = TokenServer.success(refresh(client, first.getRefreshToken(), null)).getOIDCTokens();

        TokenServer.failure(refresh(client, first.getRefreshToken(), null), 400, "invalid_grant");

        assertFalse(Grants.active(client, first.getAccessToken()));
        assertFalse(Grants.active(client, second.getAccessToken()));
        assertFalse(Grants.active(client, second.getRefreshToken()));
        TokenServer.failure(refresh(client, second.getRefreshToken(), null), 400, "invalid_grant");
        TokenServer.event("oauth2_refresh_token_reused", client.id());
        TokenServer.assertNotLogged(first.getRefreshToken().getValue(), second.getRefreshToken().getValue());
    }

    @Test
    void tokenWhenScopeNarrowedThenNarrowerTokensAndWhenWidenedThenInvalidScope() {
        TestClient client = TestClients.confidential().create();
        OIDCTokens first = Grants.redeemed(node, client, "user-1", "openid offline_access");

        TokenServer.failure(refresh(client, first.getRefreshToken(), new Scope("openid", "offline_access", "email")),
                400, "invalid_scope");
        OIDCTokens narrowed = TokenServer.success(refresh(client, first.getRefreshToken(), new Scope("offline_access")))
                .getOIDCTokens();

        assertEquals(new Scope("offline_access"), narrowed.getAccessToken().getScope());
        assertEquals(null, narrowed.getIDToken());
    }

    @Test
    void tokenWhenRefreshTokenOfAnotherClientThenInvalidGrant() {
        TestClient owner = TestClients.confidential().create();
        TestClient other = TestClients.confidential().create();
        OIDCTokens first = Grants.redeemed(node, owner, "user-1", "openid offline_access");

        TokenServer.failure(refresh(other, first.getRefreshToken(), null), 400, "invalid_grant");

        TokenServer.success(refresh(owner, first.getRefreshToken(), null));
    }

    @Test
    void tokenWhenRefreshTokenExpiredThenInvalidGrant() {
        TestClient client = TestClients.confidential().create();
        OIDCTokens first = Grants.redeemed(node, client, "user-1", "openid offline_access");
        TokenServer.update("UPDATE oauth2_token SET expires_at = issued_at - INTERVAL '1 second' WHERE client_id = ?"
                + " AND kind = 'refresh'", client.id());

        TokenServer.failure(refresh(client, first.getRefreshToken(), null), 400, "invalid_grant");
    }

    @Test
    void tokenWhenClientWithoutRefreshGrantThenNoRefreshTokenIssued() {
        TestClient client = TestClients.confidential().grantTypes("authorization_code").create();

        OIDCTokens tokens = Grants.redeemed(node, client, "user-1", "openid offline_access");

        assertEquals(null, tokens.getRefreshToken());
    }
}
