package dev.gatehouse.it.oauth2.authorize;

import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.openid.connect.sdk.OIDCError;
import com.nimbusds.openid.connect.sdk.Prompt;
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
 * An external login and consent app driving Hydra's admin challenge API: the JSON it reads and writes, remembered
 * login, prompt and max_age, rejections, and challenges and verifiers that work once, in one browser.
 */
@ExtendWith(ItServerReady.class)
class LoginConsentChallengeIT {

    private final TestBrowser browser = new TestBrowser();
    private final String subject = "user-" + UUID.randomUUID();

    private String login(boolean remember) {
        return "{\"subject\":\"" + subject + "\",\"remember\":" + remember + ",\"remember_for\":3600,\"acr\":\"aal1\","
                + "\"amr\":[\"pwd\"],\"context\":{\"theme\":\"dark\"}}";
    }

    /** Runs a request through an accepted login up to the consent challenge, which it returns. */
    private String signIn(AuthorizeClients.Client client, boolean remember) {
        return Authorizations.consentChallenge(browser,
                Authorizations.acceptLogin(Authorizations.loginChallenge(browser, Authorizations.request(client)), login(remember)));
    }

    @Test
    void loginRequestWhenReadThenHydraShapeWithClientScopesAndOidcContext() throws Exception {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        java.util.List<com.nimbusds.langtag.LangTag> russian = java.util.List.of(new com.nimbusds.langtag.LangTag("ru"));
        Authorizations.Started s = Authorizations.request(client, b -> b.loginHint("ada@example.test").uiLocales(russian));
        String challenge = Authorizations.loginChallenge(browser, s);

        JsonObject r = Authorizations.loginRequest(challenge);

        assertEquals(challenge, r.getString("challenge"));
        assertEquals(client.id(), r.getJsonObject("client").getString("client_id"));
        assertFalse(r.getJsonObject("client").containsKey("client_secret"));
        assertEquals("[\"openid\",\"profile\"]", r.getJsonArray("requested_scope").toString());
        assertFalse(r.getBoolean("skip"));
        assertEquals("", r.getString("subject"));
        assertEquals("ada@example.test", r.getJsonObject("oidc_context").getString("login_hint"));
        assertEquals("[\"ru\"]", r.getJsonObject("oidc_context").getJsonArray("ui_locales").toString());
        assertTrue(r.getString("request_url").contains("/oauth2/auth?"), r.getString("request_url"));
    }

    @Test
    void consentRequestWhenLoginAcceptedThenCarriesSubjectContextAndAmr() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        String loginChallenge = Authorizations.loginChallenge(browser, Authorizations.request(client));
        String redirectTo = Authorizations.acceptLogin(loginChallenge, login(false));
        assertTrue(redirectTo.contains("/oauth2/auth?") && redirectTo.contains("login_verifier="), redirectTo);

        String consentChallenge = Authorizations.consentChallenge(browser, redirectTo);
        Http.Response r = Http.get("/admin/oauth2/auth/requests/consent?consent_challenge=" + Authorizations.enc(consentChallenge)).admin().send();

        assertEquals(200, r.status(), r.toString());
        JsonObject consent = r.jsonObject();
        assertEquals(subject, consent.getString("subject"));
        assertFalse(consent.getBoolean("skip"));
        assertEquals("dark", consent.getJsonObject("context").getString("theme"));
        assertEquals("[\"pwd\"]", consent.getJsonArray("amr").toString());
        assertEquals("aal1", consent.getString("acr"));
        assertTrue(consent.containsKey("login_session_id"));
    }

    @Test
    void loginRejectWhenAppRejectsThenClientGetsTheErrorByRedirect() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        Authorizations.Started s = Authorizations.request(client);
        String challenge = Authorizations.loginChallenge(browser, s);

        String redirectTo = Authorizations.redirectTo(Authorizations.put("/admin/oauth2/auth/requests/login/reject",
                "login_challenge", challenge, "{\"error\":\"access_denied\",\"error_description\":\"The user said no\"}"));
        AuthorizationErrorResponse e = Authorizations.answer(Authorizations.location(browser.get(redirectTo))).toErrorResponse();

        assertEquals(OAuth2Error.ACCESS_DENIED.getCode(), e.getErrorObject().getCode());
        assertEquals("The user said no", e.getErrorObject().getDescription());
        assertEquals(s.state(), e.getState());
    }

    @Test
    void consentRejectWhenAppRejectsThenAccessDeniedAndNoCode() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        Authorizations.Started s = Authorizations.request(client);
        String consent = Authorizations.consentChallenge(browser,
                Authorizations.acceptLogin(Authorizations.loginChallenge(browser, s), login(false)));

        String redirectTo = Authorizations.redirectTo(Authorizations.put("/admin/oauth2/auth/requests/consent/reject",
                "consent_challenge", consent, "{\"error\":\"access_denied\"}"));
        String location = Authorizations.location(browser.get(redirectTo));

        assertFalse(location.contains("code="), location);
        assertEquals(OAuth2Error.ACCESS_DENIED.getCode(), Authorizations.answer(location).toErrorResponse().getErrorObject().getCode());
    }

    @Test
    void challengeWhenAnsweredTwiceOrUnknownThenRefused() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        String challenge = Authorizations.loginChallenge(browser, Authorizations.request(client));
        Authorizations.acceptLogin(challenge, login(false));

        assertEquals(409, Authorizations.put("/admin/oauth2/auth/requests/login/accept", "login_challenge", challenge, login(false)).status());
        assertEquals(409, Authorizations.put("/admin/oauth2/auth/requests/login/reject", "login_challenge", challenge, "{}").status());
        assertEquals(404, Http.get("/admin/oauth2/auth/requests/login?login_challenge=made-up").admin().send().status());
        assertEquals(401, Http.get("/admin/oauth2/auth/requests/login?login_challenge=" + Authorizations.enc(challenge)).send().status());
    }

    @Test
    void acceptLoginWhenBodyInvalidThenRefusedAndChallengeStillUsable() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        String challenge = Authorizations.loginChallenge(browser, Authorizations.request(client));

        assertEquals(422, Authorizations.put("/admin/oauth2/auth/requests/login/accept", "login_challenge", challenge, "{}").status());
        assertEquals(422, Authorizations.put("/admin/oauth2/auth/requests/login/accept", "login_challenge", challenge,
                "{\"subject\":\"x\",\"remember_for\":-5}").status());
        assertTrue(Authorizations.acceptLogin(challenge, login(false)).contains("login_verifier="));
    }

    @Test
    void verifierWhenReplayedFromAnotherBrowserThenErrorPageAndOwnerCanStillGoOn() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        String redirectTo = Authorizations.acceptLogin(Authorizations.loginChallenge(browser, Authorizations.request(client)), login(false));

        TestBrowser attacker = new TestBrowser();
        attacker.get(Authorizations.request(client).request().toURI()); // the attacker has a CSRF cookie of its own
        HttpResponse<String> stolen = attacker.get(redirectTo);
        assertEquals(400, stolen.statusCode());
        assertFalse(stolen.headers().firstValue("Location").isPresent());

        String consent = Authorizations.location(browser.get(redirectTo));
        assertTrue(consent.contains("consent_challenge="), consent);
        HttpResponse<String> replay = browser.get(redirectTo);
        assertEquals(400, replay.statusCode(), "a verifier works once");
    }

    @Test
    void rememberedLoginWhenNextRequestThenSkipWithSubjectAndSession() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        signIn(client, true);
        assertTrue(browser.cookie("gatehouse_oauth2_session").isPresent());

        JsonObject next = Authorizations.loginRequest(Authorizations.loginChallenge(browser, Authorizations.request(client)));
        assertTrue(next.getBoolean("skip"));
        assertEquals(subject, next.getString("subject"));
        assertTrue(next.containsKey("session_id"));

        JsonObject elsewhere = Authorizations.loginRequest(Authorizations.loginChallenge(new TestBrowser(), Authorizations.request(client)));
        assertFalse(elsewhere.getBoolean("skip"), "the remembered login belongs to one browser");
    }

    @Test
    void acceptLoginWhenSkippedButOtherSubjectThenRefused() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        signIn(client, true);
        String challenge = Authorizations.loginChallenge(browser, Authorizations.request(client));

        assertEquals(422, Authorizations.put("/admin/oauth2/auth/requests/login/accept", "login_challenge", challenge,
                "{\"subject\":\"someone-else\"}").status());
    }

    @Test
    void promptLoginOrMaxAgeZeroWhenRememberedThenNotSkipped() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        signIn(client, true);

        assertFalse(Authorizations.loginRequest(Authorizations.loginChallenge(browser,
                Authorizations.request(client, b -> b.prompt(new Prompt(Prompt.Type.LOGIN))))).getBoolean("skip"));
        assertFalse(Authorizations.loginRequest(Authorizations.loginChallenge(browser,
                Authorizations.request(client, b -> b.maxAge(0)))).getBoolean("skip"));
        assertTrue(Authorizations.loginRequest(Authorizations.loginChallenge(browser,
                Authorizations.request(client, b -> b.maxAge(3600)))).getBoolean("skip"));
    }

    @Test
    void promptNoneWhenRememberedLoginButNoConsentThenConsentRequired() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        signIn(client, true);

        Authorizations.Started s = Authorizations.request(client, b -> b.prompt(new Prompt(Prompt.Type.NONE)));
        String challenge = Authorizations.loginChallenge(browser, s);
        assertTrue(Authorizations.loginRequest(challenge).getBoolean("skip"));
        String location = Authorizations.location(browser.get(Authorizations.acceptLogin(challenge, login(true))));

        AuthorizationErrorResponse e = Authorizations.answer(location).toErrorResponse();
        assertEquals(OIDCError.CONSENT_REQUIRED.getCode(), e.getErrorObject().getCode());
        assertEquals(s.state(), e.getState());
    }

    @Test
    void acceptConsentWhenGrantingUnrequestedScopeThenRefused() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        String consent = signIn(client, false);

        assertEquals(422, Authorizations.put("/admin/oauth2/auth/requests/consent/accept", "consent_challenge", consent,
                "{\"grant_scope\":[\"openid\",\"email\"]}").status());
    }

    @Test
    void loginSessionsWhenRevokedBySubjectThenNextRequestNotSkipped() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        signIn(client, true);

        assertEquals(204, Http.method("DELETE", "/admin/oauth2/auth/sessions/login?subject=" + Authorizations.enc(subject)).admin().send().status());

        assertFalse(Authorizations.loginRequest(Authorizations.loginChallenge(browser, Authorizations.request(client))).getBoolean("skip"));
        assertEquals(422, Http.method("DELETE", "/admin/oauth2/auth/sessions/login").admin().send().status());
    }
}
