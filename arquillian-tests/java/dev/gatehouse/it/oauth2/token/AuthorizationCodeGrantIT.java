package dev.gatehouse.it.oauth2.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.TestClient;
import dev.gatehouse.it.support.TestClients;
import dev.gatehouse.it.support.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code grant_type=authorization_code} driven by the Nimbus SDK: tokens and a verifiable ID token for a good
 * redemption, and every attack of the issue refused with {@code invalid_grant} and nothing issued.
 */
@ExtendWith(ItServerReady.class)
class AuthorizationCodeGrantIT {

    private final URL node = TestNode.url();

    @Test
    void tokenWhenCodeRedeemedWithVerifierThenTokensAndSignedIdTokenWithClaims() throws Exception {
        TestClient client = TestClients.confidential().create();
        TestSubjects.Subject subject = TestSubjects.create();
        CodeVerifier verifier = new CodeVerifier();
        Nonce nonce = new Nonce();
        AuthorizationCode code = Codes.on(node).forClient(client).subject(subject.id())
                .scope("openid offline_access profile email").pkce(verifier).set("nonce", nonce.getValue())
                .set("sid", "login-session-1").issue();

        OIDCTokenResponse response = TokenServer.success(Grants.codeRequest(client, code, client.redirect(), verifier));

        OIDCTokens tokens = response.getOIDCTokens();
        assertTrue(tokens.getAccessToken().getValue().startsWith("ory_at_"));
        assertEquals("bearer", tokens.getAccessToken().getType().getValue().toLowerCase());
        assertTrue(tokens.getAccessToken().getLifetime() > 0 && tokens.getAccessToken().getLifetime() <= 900);
        assertTrue(tokens.getRefreshToken().getValue().startsWith("ory_rt_"));
        JWT idToken = tokens.getIDToken();
        IDTokenClaimsSet claims = TokenServer.idTokenValidator(client.clientId()).validate(idToken, nonce);
        assertEquals(subject.id(), claims.getSubject().getValue());
        assertNotNull(claims.getAuthenticationTime());
        assertEquals(AccessTokenHash.compute(tokens.getAccessToken(), JWSAlgorithm.RS256, null), claims.getAccessTokenHash());
        assertEquals("login-session-1", claims.getStringClaim("sid"));
        assertEquals(List.of("pwd"), claims.getStringListClaim("amr"));
        assertEquals(subject.email(), claims.getStringClaim("email"));
        assertEquals(Boolean.FALSE, claims.getBooleanClaim("email_verified"));
        assertEquals(TestSubjects.FIRST + " " + TestSubjects.LAST, claims.getStringClaim("name"));
        assertEquals(TestSubjects.FIRST, claims.getStringClaim("given_name"));
        assertNotNull(idToken.getHeader().toJSONObject().get("kid"));
    }

    @Test
    void tokenWhenScopeWithoutOfflineOrOpenidThenOnlyAccessToken() {
        TestClient client = TestClients.confidential().create();
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = Codes.on(node).forClient(client).subject(TestSubjects.create().id())
                .scope("email").pkce(verifier).issue();

        OIDCTokenResponse response = TokenServer.success(Grants.codeRequest(client, code, client.redirect(), verifier));

        assertNull(response.getOIDCTokens().getRefreshToken());
        assertNull(response.getOIDCTokens().getIDToken());
        assertEquals("email", response.getOIDCTokens().getAccessToken().getScope().toString());
    }

    @Test
    void tokenWhenPublicClientRedeemsWithVerifierThenTokens() {
        TestClient client = TestClients.publicClient().create();
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = Codes.on(node).forClient(client).subject(TestSubjects.create().id())
                .scope("openid").pkce(verifier).issue();

        OIDCTokenResponse response = TokenServer.success(Grants.codeRequest(client, code, client.redirect(), verifier));

        assertNotNull(response.getOIDCTokens().getIDToken());
    }

    @Test
    void tokenWhenVerifierMissingThenInvalidGrantAndCodeStillUsable() {
        TestClient client = TestClients.confidential().create();
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = Codes.on(node).forClient(client).subject("user-1").scope("openid").pkce(verifier).issue();

        TokenServer.failure(Grants.codeRequest(client, code, client.redirect(), null), 400, "invalid_grant");

        TokenServer.success(Grants.codeRequest(client, code, client.redirect(), verifier));
    }

    @Test
    void tokenWhenVerifierDoesNotMatchThenInvalidGrant() {
        TestClient client = TestClients.confidential().create();
        AuthorizationCode code = Codes.on(node).forClient(client).subject("user-1").scope("openid")
                .pkce(new CodeVerifier()).issue();

        TokenServer.failure(Grants.codeRequest(client, code, client.redirect(), new CodeVerifier()), 400, "invalid_grant");
    }

    @Test
    void tokenWhenChallengeWasPlainThenVerifierEqualToItIsRefused() {
        TestClient client = TestClients.confidential().create();
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = Codes.on(node).forClient(client).subject("user-1").scope("openid")
                .set("code_challenge", verifier.getValue()).issue();

        TokenServer.failure(Grants.codeRequest(client, code, client.redirect(), verifier), 400, "invalid_grant");
    }

    @Test
    void tokenWhenPublicClientCodeHasNoChallengeThenInvalidGrant() {
        TestClient client = TestClients.publicClient().create();
        AuthorizationCode code = Codes.on(node).forClient(client).subject("user-1").scope("openid").issue();

        TokenServer.failure(Grants.codeRequest(client, code, client.redirect(), null), 400, "invalid_grant");
    }

    @Test
    void tokenWhenCodeReplayedThenInvalidGrantAndTokensOfFirstRedemptionRevoked() {
        TestClient client = TestClients.confidential().create();
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = Codes.on(node).forClient(client).subject("user-1").scope("openid offline_access")
                .pkce(verifier).issue();
        OIDCTokens first = TokenServer.success(Grants.codeRequest(client, code, client.redirect(), verifier)).getOIDCTokens();
        assertTrue(Grants.active(client, first.getAccessToken()));

        TokenServer.failure(Grants.codeRequest(client, code, client.redirect(), verifier), 400, "invalid_grant");

        assertFalse(Grants.active(client, first.getAccessToken()));
        assertFalse(Grants.active(client, first.getRefreshToken()));
        TokenServer.event("oauth2_code_replayed", client.id());
        TokenServer.assertNotLogged(code.getValue(), first.getAccessToken().getValue(), first.getRefreshToken().getValue());
    }

    @Test
    void tokenWhenSameCodeRedeemedConcurrentlyThenExactlyOneSucceeds() throws Exception {
        TestClient client = TestClients.confidential().create();
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = Codes.on(node).forClient(client).subject("user-1").scope("openid").pkce(verifier).issue();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> TokenServer.send(Grants.codeRequest(client, code, client.redirect(), verifier)).getStatusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 400).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tokenWhenCodeRedeemedByAnotherClientThenInvalidGrantAndOwnerCanStillRedeem() {
        TestClient owner = TestClients.confidential().create();
        TestClient thief = TestClients.confidential().create();
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = Codes.on(node).forClient(owner).subject("user-1").scope("openid").pkce(verifier).issue();

        TokenServer.failure(Grants.codeRequest(thief, code, owner.redirect(), verifier), 400, "invalid_grant");

        TokenServer.success(Grants.codeRequest(owner, code, owner.redirect(), verifier));
    }

    @Test
    void tokenWhenRedirectUriDiffersThenInvalidGrant() {
        TestClient client = TestClients.confidential().create();
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = Codes.on(node).forClient(client).subject("user-1").scope("openid").pkce(verifier).issue();

        TokenServer.failure(Grants.codeRequest(client, code, URI.create(client.redirectUri() + "/extra"), verifier), 400, "invalid_grant");
        TokenServer.failure(Grants.codeRequest(client, code, URI.create(client.redirectUri() + "?x=1"), verifier), 400, "invalid_grant");
    }

    @Test
    void tokenWhenAuthorizationRequestNamedRedirectUriAndTokenRequestOmitsItThenInvalidGrant() {
        TestClient client = TestClients.confidential().create();
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = Codes.on(node).forClient(client).subject("user-1").scope("openid").pkce(verifier).issue();

        TokenServer.failure(Grants.codeRequest(client, code, null, verifier), 400, "invalid_grant");
        TokenServer.success(Grants.codeRequest(client, code, client.redirect(), verifier));
    }

    @Test
    void tokenWhenAuthorizationRequestLeftRedirectUriOutThenTokenRequestMayToo() {
        TestClient client = TestClients.confidential().create();
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = Codes.on(node).forClient(client).subject("user-1").scope("openid").pkce(verifier)
                .set("redirect_uri", "").issue();

        TokenServer.success(Grants.codeRequest(client, code, null, verifier));
    }

    @Test
    void tokenWhenCodeExpiredThenInvalidGrant() {
        TestClient client = TestClients.confidential().create();
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = Codes.on(node).forClient(client).subject("user-1").scope("openid").pkce(verifier).issue();
        assertEquals(1, TokenServer.update("UPDATE oauth2_grant SET code_expires_at = code_expires_at - INTERVAL '11 minutes'"
                + " WHERE client_id = ?", client.id()));

        TokenServer.failure(Grants.codeRequest(client, code, client.redirect(), verifier), 400, "invalid_grant");
    }

    @Test
    void tokenWhenCodeUnknownThenInvalidGrant() {
        TestClient client = TestClients.confidential().create();

        TokenServer.failure(Grants.codeRequest(client, new AuthorizationCode("ory_ac_made-up"), client.redirect(), new CodeVerifier()),
                400, "invalid_grant");
    }
}
