package dev.gatehouse.it.oauth2.authorize;

import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.openid.connect.sdk.Prompt;
import dev.gatehouse.it.selfservice.ApiFlows;
import dev.gatehouse.it.selfservice.AppEnrolment;
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
 * The built-in login and consent apps at the HTTP level: they use the identity service's login flow and session,
 * and answer the challenges through the same API an external app uses; the consent form is CSRF-protected.
 */
@ExtendWith(ItServerReady.class)
class BuiltInLoginConsentIT {

    private static final String PASSWORD = "a built-in consent passphrase 7";

    private final TestBrowser browser = new TestBrowser();

    /** A new identity, signed in in this browser; returns its id. */
    private String signedIn() {
        Http.Response r = ApiFlows.register("", "consent-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test", PASSWORD);
        assertEquals(200, r.status(), r.toString());
        browser.plant("gatehouse_session", r.jsonObject().getString("session_token"));
        return r.jsonObject().getJsonObject("identity").getString("id");
    }

    /** From the authorization request to the consent page's URL, through the built-in login. */
    private String toConsentPage(Authorizations.Started s) {
        String login = Authorizations.location(browser.get(s.request().toURI()));
        String verifier = Authorizations.location(browser.get(login));
        assertTrue(verifier.contains("login_verifier="), verifier);
        String consentApp = Authorizations.location(browser.get(verifier));
        assertTrue(consentApp.contains("/oauth2/ui/consent?consent_challenge="), consentApp);
        String page = Authorizations.location(browser.get(consentApp));
        assertTrue(page.contains("/ui/oauth2/consent.xhtml?consent_challenge="), page);
        return page;
    }

    @Test
    void builtInLoginWhenNoIdentitySessionThenIdentityLoginFlowThatComesBack() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        String login = Authorizations.location(browser.get(Authorizations.request(client).request().toURI()));

        String identityLogin = Authorizations.location(browser.get(login));

        assertTrue(identityLogin.contains("/self-service/login/browser?return_to="), identityLogin);
        assertFalse(identityLogin.contains("refresh=true"), identityLogin);
        assertEquals("/oauth2/ui/login?login_challenge=" + Authorizations.parameter(login, "login_challenge"),
                Authorizations.parameter(identityLogin, "return_to"));
    }

    @Test
    void builtInLoginWhenSignedInWithoutTheSecondFactorTheIdentityHasThenStepUpFirstAndNoConsent() {
        String email = "consent-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        AppEnrolment.signUpWithApp(email, PASSWORD);
        Http.Response passwordOnly = ApiFlows.login("", email, PASSWORD);
        assertEquals(200, passwordOnly.status(), passwordOnly.toString());
        assertEquals("aal1", passwordOnly.jsonObject().getJsonObject("session").getString("authenticator_assurance_level"));
        browser.plant("gatehouse_session", passwordOnly.jsonObject().getString("session_token"));
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        String login = Authorizations.location(browser.get(Authorizations.request(client).request().toURI()));

        String next = Authorizations.location(browser.get(login));

        assertTrue(next.contains("/self-service/login/browser?aal=aal2&return_to="), next);
        assertEquals("/oauth2/ui/login?login_challenge=" + Authorizations.parameter(login, "login_challenge"),
                Authorizations.parameter(next, "return_to"));
        // still pending (an answered request would no longer be readable): nobody was signed in to the client
        Authorizations.loginRequest(Authorizations.parameter(login, "login_challenge"));
    }

    @Test
    void builtInLoginWhenPromptLoginAndSignedInThenRefreshesTheIdentityLogin() {
        signedIn();
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        String login = Authorizations.location(browser.get(Authorizations.request(client,
                b -> b.prompt(new Prompt(Prompt.Type.LOGIN))).request().toURI()));

        assertTrue(Authorizations.location(browser.get(login)).contains("/self-service/login/browser?refresh=true&return_to="));
    }

    @Test
    void builtInLoginWhenSignedInThenAcceptedAsTheIdentityAndConsentPageListsClientAndScopes() {
        String identity = signedIn();
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        String page = toConsentPage(Authorizations.request(client));

        JsonObject consent = Http.get("/admin/oauth2/auth/requests/consent?consent_challenge="
                + Authorizations.enc(Authorizations.parameter(page, "consent_challenge"))).admin().send().jsonObject();
        assertEquals(identity, consent.getString("subject"));
        assertEquals("[\"pwd\"]", consent.getJsonArray("amr").toString());
        assertEquals("aal1", consent.getString("acr"));

        HttpResponse<String> html = browser.get(page);
        assertEquals(200, html.statusCode());
        assertTrue(html.body().contains("Authorize test app"), html.body());
        assertTrue(html.body().contains("data-scope=\"openid\"") && html.body().contains("data-scope=\"profile\""), html.body());
        assertTrue(html.body().contains("name=\"csrf_token\" value=\"" + browser.cookie("gatehouse_oauth2_csrf").orElseThrow() + "\""));
    }

    @Test
    void consentFormWhenCsrfTokenMissingOrWrongOrFromAnotherBrowserThenRefusedAndChallengeUntouched() {
        signedIn();
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        String challenge = Authorizations.parameter(toConsentPage(Authorizations.request(client)), "consent_challenge");

        assertEquals(400, browser.postForm("/oauth2/ui/consent", "consent_challenge", challenge, "decision", "allow").statusCode());
        assertEquals(400, browser.postForm("/oauth2/ui/consent", "consent_challenge", challenge, "decision", "allow",
                "csrf_token", "forged-token-forged-token-forged-token-forged").statusCode());
        TestBrowser attacker = new TestBrowser();
        attacker.get(Authorizations.request(client).request().toURI());
        String foreign = attacker.cookie("gatehouse_oauth2_csrf").orElseThrow();
        assertEquals(400, attacker.postForm("/oauth2/ui/consent", "consent_challenge", challenge, "decision", "allow",
                "csrf_token", foreign).statusCode());

        assertEquals(200, Http.get("/admin/oauth2/auth/requests/consent?consent_challenge=" + Authorizations.enc(challenge))
                .admin().send().status(), "the refused posts left the consent request open");
    }

    @Test
    void consentFormWhenDeniedThenClientGetsAccessDenied() {
        signedIn();
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        Authorizations.Started s = Authorizations.request(client);
        String challenge = Authorizations.parameter(toConsentPage(s), "consent_challenge");

        String verifier = Authorizations.location(browser.postForm("/oauth2/ui/consent", "consent_challenge", challenge,
                "decision", "deny", "csrf_token", browser.cookie("gatehouse_oauth2_csrf").orElseThrow()));
        AuthorizationResponse answer = Authorizations.answer(Authorizations.location(browser.get(verifier)));

        assertEquals(OAuth2Error.ACCESS_DENIED.getCode(), answer.toErrorResponse().getErrorObject().getCode());
        assertEquals(s.state(), answer.getState());
    }

    @Test
    void consentFormWhenAllowedAndRememberedThenCodeAndNextRequestSkipsTheScreens() {
        signedIn();
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        Authorizations.Started s = Authorizations.request(client);
        String challenge = Authorizations.parameter(toConsentPage(s), "consent_challenge");

        String verifier = Authorizations.location(browser.postForm("/oauth2/ui/consent", "consent_challenge", challenge,
                "decision", "allow", "remember", "true", "csrf_token", browser.cookie("gatehouse_oauth2_csrf").orElseThrow()));
        AuthorizationResponse answer = Authorizations.answer(Authorizations.location(browser.get(verifier)));
        assertTrue(answer.indicatesSuccess(), answer.toString());
        assertEquals(s.state(), answer.getState());
        assertTrue(answer.toSuccessResponse().getAuthorizationCode() != null);

        Authorizations.Started again = Authorizations.request(client);
        String login = Authorizations.location(browser.get(again.request().toURI()));
        String loginVerifier = Authorizations.location(browser.get(login));
        String consentApp = Authorizations.location(browser.get(loginVerifier));
        String consentVerifier = Authorizations.location(browser.get(consentApp));
        assertTrue(consentVerifier.contains("consent_verifier="), "a remembered consent skips the page: " + consentVerifier);
        assertTrue(Authorizations.answer(Authorizations.location(browser.get(consentVerifier))).indicatesSuccess());
    }

    @Test
    void consentFormWhenAllowedThenAccessTokenCarriesTheIdentitysRolesForTheGateway() {
        String id = signedIn();
        Http.Response patched = Http.method("PATCH", "/admin/identities/" + id).admin()
                .json("[{\"op\":\"add\",\"path\":\"/metadata_public\",\"value\":{\"roles\":[\"auditor\"]}}]").send();
        assertEquals(200, patched.status(), patched.toString());
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        Authorizations.Started s = Authorizations.request(client);
        String challenge = Authorizations.parameter(toConsentPage(s), "consent_challenge");
        String verifier = Authorizations.location(browser.postForm("/oauth2/ui/consent", "consent_challenge", challenge,
                "decision", "allow", "csrf_token", browser.cookie("gatehouse_oauth2_csrf").orElseThrow()));

        String token = Authorizations.redeemedAccessToken(client, s, Authorizations.location(browser.get(verifier)));

        Http.Response introspected = Http.post("/admin/oauth2/introspect").admin().body("application/x-www-form-urlencoded",
                ("token=" + Authorizations.enc(token)).getBytes(java.nio.charset.StandardCharsets.UTF_8)).send();
        assertEquals(200, introspected.status(), introspected.toString());
        assertEquals(id, introspected.jsonObject().getString("sub"));
        assertEquals("[\"auditor\"]", introspected.jsonObject().getJsonObject("ext").getJsonArray("roles").toString());
    }

    @Test
    void skipConsentClientWhenSignedInThenCodeWithoutConsentScreen() {
        signedIn();
        AuthorizeClients.Client client = AuthorizeClients.publicClient().skipConsent().create();
        Authorizations.Started s = Authorizations.request(client);
        String login = Authorizations.location(browser.get(s.request().toURI()));
        String verifier = Authorizations.location(browser.get(login));

        String location = Authorizations.location(browser.get(verifier));

        assertTrue(Authorizations.answer(location).indicatesSuccess(), location);
        assertEquals("openid profile", Authorizations.parameter(location, "scope"));
    }
}
