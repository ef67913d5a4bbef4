package dev.gatehouse.it.oauth2.token;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.UserInfoSuccessResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /userinfo} by GET and POST (header or form body), claims by granted scope, bad tokens refused. */
@ExtendWith(ItServerReady.class)
class UserinfoIT {

    private final URL node = TestNode.url();

    private static URI userinfo() {
        return TokenServer.endpoint("/userinfo");
    }

    private static UserInfo claims(HTTPResponse r) throws Exception {
        assertEquals(200, r.getStatusCode(), r.getBody());
        UserInfoResponse parsed = UserInfoResponse.parse(r);
        return ((UserInfoSuccessResponse) parsed).getUserInfo();
    }

    @Test
    void userinfoWhenGetWithProfileAndEmailScopeThenTraitClaims() throws Exception {
        TestClient client = TestClients.confidential().create();
        TestSubjects.Subject subject = TestSubjects.create();
        OIDCTokens tokens = Grants.redeemed(node, client, subject.id(), "openid profile email");

        UserInfo info = claims(TokenServer.send(new UserInfoRequest(userinfo(), tokens.getBearerAccessToken())));

        assertEquals(subject.id(), info.getSubject().getValue());
        assertEquals(subject.email(), info.getEmailAddress());
        assertEquals(Boolean.FALSE, info.getEmailVerified());
        assertEquals(TestSubjects.FIRST, info.getGivenName());
        assertEquals(TestSubjects.LAST, info.getFamilyName());
        assertEquals("blue", info.getStringClaim("team"));
    }

    @Test
    void userinfoWhenOnlyOpenidScopeThenOnlySubject() throws Exception {
        TestClient client = TestClients.confidential().create();
        TestSubjects.Subject subject = TestSubjects.create();
        OIDCTokens tokens = Grants.redeemed(node, client, subject.id(), "openid");

        UserInfo info = claims(TokenServer.send(new UserInfoRequest(userinfo(), tokens.getBearerAccessToken())));

        assertEquals(subject.id(), info.getSubject().getValue());
        assertNull(info.getEmailAddress());
        assertNull(info.getGivenName());
    }

    @Test
    void userinfoWhenPostWithTokenInFormBodyThenClaims() throws Exception {
        TestClient client = TestClients.confidential().create();
        TestSubjects.Subject subject = TestSubjects.create();
        OIDCTokens tokens = Grants.redeemed(node, client, subject.id(), "openid email");
        HTTPRequest post = new HTTPRequest(HTTPRequest.Method.POST, userinfo());
        post.setEntityContentType(com.nimbusds.common.contenttype.ContentType.APPLICATION_URLENCODED);
        post.setBody("access_token=" + tokens.getAccessToken().getValue());

        UserInfo info = claims(TokenServer.send(post));

        assertEquals(subject.email(), info.getEmailAddress());
    }

    @Test
    void userinfoWhenPostWithBearerHeaderThenClaims() throws Exception {
        TestClient client = TestClients.confidential().create();
        TestSubjects.Subject subject = TestSubjects.create();
        OIDCTokens tokens = Grants.redeemed(node, client, subject.id(), "openid email");

        UserInfo info = claims(TokenServer.send(new UserInfoRequest(userinfo(), HTTPRequest.Method.POST,
                tokens.getBearerAccessToken())));

        assertEquals(subject.email(), info.getEmailAddress());
    }

    @Test
    void userinfoWhenTokenUnknownRevokedOrExpiredThenInvalidTokenChallenge() {
        TestClient client = TestClients.confidential().create();
        OIDCTokens tokens = Grants.redeemed(node, client, "user-1", "openid");
        TokenServer.update("UPDATE oauth2_token SET expires_at = issued_at WHERE client_id = ?", client.id());

        for (BearerAccessToken token : new BearerAccessToken[] {tokens.getBearerAccessToken(),
                new BearerAccessToken("ory_at_not-a-token")}) {
            HTTPResponse r = TokenServer.send(new UserInfoRequest(userinfo(), token));
            assertEquals(401, r.getStatusCode(), r.getBody());
            assertTrue(r.getHeaderValue("WWW-Authenticate").contains("error=\"invalid_token\""));
        }
    }

    @Test
    void userinfoWhenNoTokenThenUnauthorized() {
        HTTPResponse r = TokenServer.send(new HTTPRequest(HTTPRequest.Method.GET, userinfo()));

        assertEquals(401, r.getStatusCode());
        assertTrue(r.getHeaderValue("WWW-Authenticate").startsWith("Bearer"));
    }

    @Test
    void userinfoWhenRefreshTokenPresentedThenInvalidToken() {
        TestClient client = TestClients.confidential().create();
        OIDCTokens tokens = Grants.redeemed(node, client, "user-1", "openid offline_access");

        HTTPResponse r = TokenServer.send(new UserInfoRequest(userinfo(),
                new BearerAccessToken(tokens.getRefreshToken().getValue())));

        assertEquals(401, r.getStatusCode());
    }
}
