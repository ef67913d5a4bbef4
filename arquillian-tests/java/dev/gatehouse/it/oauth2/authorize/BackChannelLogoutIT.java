package dev.gatehouse.it.oauth2.authorize;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OpenID Connect Back-Channel Logout: a client used in a login session, with a back-channel logout URI (a real
 * HTTP server here), receives a logout token signed with a key from the published JWKS when the session ends.
 */
@ExtendWith(ItServerReady.class)
class BackChannelLogoutIT {

    private final TestBrowser browser = new TestBrowser();
    private final String subject = "bcl-" + UUID.randomUUID();
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final HttpServer rp = server();

    private HttpServer server() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            s.createContext("/bc", exchange -> {
                received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        rp.stop(0);
    }

    @Test
    void logoutWhenClientUsedInSessionThenItReceivesSignedLogoutTokenWithSid() throws Exception {
        AuthorizeClients.Client client = AuthorizeClients.publicClient()
                .backchannelLogoutUri("http://127.0.0.1:" + rp.getAddress().getPort() + "/bc").create();
        String consent = Authorizations.consentChallenge(browser, Authorizations.acceptLogin(
                Authorizations.loginChallenge(browser, Authorizations.request(client)), "{\"subject\":\"" + subject + "\",\"remember\":true}"));
        String sid = Http.get("/admin/oauth2/auth/requests/consent?consent_challenge=" + Authorizations.enc(consent)).admin().send()
                .jsonObject().getString("login_session_id");
        String verifier = Authorizations.acceptConsent(consent, "{\"grant_scope\":[\"openid\"]}");
        assertTrue(Authorizations.answer(Authorizations.location(browser.get(verifier))).indicatesSuccess());

        String challenge = Authorizations.parameter(Authorizations.location(browser.get("/oauth2/sessions/logout?client_id="
                + Authorizations.enc(client.id()) + "&post_logout_redirect_uri=" + Authorizations.enc(client.postLogoutRedirectUri()))),
                "logout_challenge");
        String done = Authorizations.redirectTo(Authorizations.put("/admin/oauth2/auth/requests/logout/accept",
                "logout_challenge", challenge, "{}"));
        assertEquals(client.postLogoutRedirectUri(), Authorizations.location(browser.get(done)));

        String form = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(form, "the client was told");
        SignedJWT token = SignedJWT.parse(URLDecoder.decode(form.substring("logout_token=".length()), StandardCharsets.UTF_8));
        JWKSet jwks = JWKSet.load(ItServer.get().uri("/.well-known/jwks.json").toURL());
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(token.getHeader().getKeyID());
        assertNotNull(key, "signed with a published key");
        assertTrue(token.verify(new RSASSAVerifier(key)));
        assertEquals(new JOSEObjectType("logout+jwt"), token.getHeader().getType());
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertEquals(List.of(client.id()), claims.getAudience());
        assertEquals(subject, claims.getSubject());
        assertEquals(sid, claims.getStringClaim("sid"));
        assertEquals(ItServer.get().uri("").toString(), claims.getIssuer());
        assertTrue(claims.getJSONObjectClaim("events").containsKey("http://schemas.openid.net/event/backchannel-logout"));
    }
}
