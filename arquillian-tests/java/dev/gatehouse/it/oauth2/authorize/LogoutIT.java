package dev.gatehouse.it.oauth2.authorize;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RP-initiated logout ({@code /oauth2/sessions/logout}) through the logout challenge: only registered
 * post-logout redirect URIs are ever redirected to, the verifier works once in its own browser, and the login
 * session ends.
 */
@ExtendWith(ItServerReady.class)
class LogoutIT {

    private final TestBrowser browser = new TestBrowser();
    private final String subject = "logout-" + UUID.randomUUID();

    /** Signs {@link #subject} in with a remembered login through the admin API; returns the client used. */
    private AuthorizeClients.Client rememberedLogin() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        Authorizations.consentChallenge(browser, Authorizations.acceptLogin(
                Authorizations.loginChallenge(browser, Authorizations.request(client)),
                "{\"subject\":\"" + subject + "\",\"remember\":true}"));
        return client;
    }

    private static String logout(AuthorizeClients.Client client, String postLogout, String state) {
        return "/oauth2/sessions/logout?client_id=" + Authorizations.enc(client.id()) + "&post_logout_redirect_uri="
                + Authorizations.enc(postLogout) + "&state=" + state;
    }

    @Test
    void logoutWhenPostLogoutRedirectUriUnregisteredThenErrorPageNeverRedirect() {
        rememberedLogin();
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        for (String bad : new String[]{"https://evil.example/bye", client.postLogoutRedirectUri() + "/x",
                client.postLogoutRedirectUri() + "?next=https://evil.example"}) {
            HttpResponse<String> r = browser.get(logout(client, bad, "s1"));
            assertEquals(400, r.statusCode(), r.body());
            assertFalse(r.headers().firstValue("Location").isPresent());
        }
        HttpResponse<String> noClient = browser.get("/oauth2/sessions/logout?post_logout_redirect_uri="
                + Authorizations.enc(client.postLogoutRedirectUri()));
        assertEquals(400, noClient.statusCode());
        assertTrue(browser.cookie("gatehouse_oauth2_session").isPresent(), "nothing was logged out");
    }

    @Test
    void logoutWhenRequestLongerThanALogoutRequestKeepsThenErrorPageAndSessionKept() {
        AuthorizeClients.Client client = rememberedLogin();

        HttpResponse<String> r = browser.get(logout(client, client.postLogoutRedirectUri(), "long") + "&x=" + "a".repeat(8_200));

        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("data-error=\"invalid_request\""), r.body());
        assertTrue(browser.cookie("gatehouse_oauth2_session").isPresent(), "nothing was logged out");
    }

    @Test
    void logoutWhenNobodySignedInThenStraightToRegisteredUriWithState() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        assertEquals(client.postLogoutRedirectUri() + "?state=abc",
                Authorizations.location(browser.get(logout(client, client.postLogoutRedirectUri(), "abc"))));
    }

    @Test
    void logoutWhenOnlyAnIdTokenHintFromAnotherBrowserThenStraightBackAndTheUsersSessionStays() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        Authorizations.Started s = Authorizations.request(client);
        String consent = Authorizations.consentChallenge(browser, Authorizations.acceptLogin(
                Authorizations.loginChallenge(browser, s), "{\"subject\":\"" + subject + "\",\"remember\":true}"));
        String verifier = Authorizations.acceptConsent(consent, "{\"grant_scope\":[\"openid\"]}");
        String idToken = Authorizations.redeemed(client, s, Authorizations.location(browser.get(verifier))).getIDTokenString();
        TestBrowser holderOfTheToken = new TestBrowser();

        String location = Authorizations.location(holderOfTheToken.get("/oauth2/sessions/logout?id_token_hint="
                + Authorizations.enc(idToken) + "&post_logout_redirect_uri=" + Authorizations.enc(client.postLogoutRedirectUri())
                + "&state=x"));

        assertEquals(client.postLogoutRedirectUri() + "?state=x", location, "no logout challenge for a browser without a session");
        assertTrue(Authorizations.loginRequest(Authorizations.loginChallenge(browser, Authorizations.request(client)))
                .getBoolean("skip"), "the user's own login session was not ended");
    }

    @Test
    void logoutWhenLogoutAppAcceptsThenLoginSessionEndsAndBrowserGoesBackWithState() {
        AuthorizeClients.Client client = rememberedLogin();
        String app = Authorizations.location(browser.get(logout(client, client.postLogoutRedirectUri(), "st-1")));
        assertTrue(app.contains("/oauth2/ui/logout?logout_challenge="), app);
        String challenge = Authorizations.parameter(app, "logout_challenge");

        Http.Response read = Http.get("/admin/oauth2/auth/requests/logout?logout_challenge=" + Authorizations.enc(challenge)).admin().send();
        assertEquals(200, read.status(), read.toString());
        JsonObject request = read.jsonObject();
        assertEquals(subject, request.getString("subject"));
        assertFalse(request.getString("sid").isEmpty());
        assertTrue(request.getBoolean("rp_initiated"));
        assertEquals(client.id(), request.getJsonObject("client").getString("client_id"));

        String redirectTo = Authorizations.redirectTo(Authorizations.put("/admin/oauth2/auth/requests/logout/accept",
                "logout_challenge", challenge, "{}"));
        assertTrue(redirectTo.contains("/oauth2/sessions/logout?logout_verifier="), redirectTo);
        assertEquals(client.postLogoutRedirectUri() + "?state=st-1", Authorizations.location(browser.get(redirectTo)));

        assertFalse(Authorizations.loginRequest(Authorizations.loginChallenge(browser, Authorizations.request(client)))
                .getBoolean("skip"), "the login session ended");
        assertEquals(400, browser.get(redirectTo).statusCode(), "a logout verifier works once");
    }

    @Test
    void logoutVerifierWhenOpenedInAnotherBrowserThenErrorPageAndSessionKept() {
        AuthorizeClients.Client client = rememberedLogin();
        String challenge = Authorizations.parameter(Authorizations.location(browser.get(
                logout(client, client.postLogoutRedirectUri(), "s"))), "logout_challenge");
        String redirectTo = Authorizations.redirectTo(Authorizations.put("/admin/oauth2/auth/requests/logout/accept",
                "logout_challenge", challenge, "{}"));

        TestBrowser other = new TestBrowser();
        other.get(Authorizations.request(client).request().toURI());
        assertEquals(400, other.get(redirectTo).statusCode());

        assertTrue(Authorizations.loginRequest(Authorizations.loginChallenge(browser, Authorizations.request(client)))
                .getBoolean("skip"), "the login session is still there");
    }

    @Test
    void builtInLogoutPageWhenConfirmedWithCsrfTokenThenLoggedOutOtherwiseRefused() {
        AuthorizeClients.Client client = rememberedLogin();
        String app = Authorizations.location(browser.get(logout(client, client.postLogoutRedirectUri(), "s2")));
        String page = Authorizations.location(browser.get(app));
        assertTrue(page.contains("/ui/oauth2/logout.xhtml?logout_challenge="), page);
        assertEquals(200, browser.get(page).statusCode());
        String challenge = Authorizations.parameter(page, "logout_challenge");

        assertEquals(400, browser.postForm("/oauth2/ui/logout", "logout_challenge", challenge, "decision", "logout").statusCode());
        String verifier = Authorizations.location(browser.postForm("/oauth2/ui/logout", "logout_challenge", challenge,
                "decision", "logout", "csrf_token", browser.cookie("gatehouse_oauth2_csrf").orElseThrow()));

        assertEquals(client.postLogoutRedirectUri() + "?state=s2", Authorizations.location(browser.get(verifier)));
    }

    @Test
    void logoutRejectWhenAppRejectsThen204AndChallengeClosed() {
        AuthorizeClients.Client client = rememberedLogin();
        String challenge = Authorizations.parameter(Authorizations.location(browser.get(
                logout(client, client.postLogoutRedirectUri(), "s"))), "logout_challenge");

        assertEquals(204, Authorizations.put("/admin/oauth2/auth/requests/logout/reject", "logout_challenge", challenge, "{}").status());
        assertEquals(409, Authorizations.put("/admin/oauth2/auth/requests/logout/accept", "logout_challenge", challenge, "{}").status());
    }
}
