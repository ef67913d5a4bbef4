package dev.gatehouse.it.oauth2.authorize;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.OIDCError;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.gatehouse.credential.totp.Totp;
import dev.gatehouse.it.selfservice.ApiFlows;
import dev.gatehouse.it.selfservice.AppEnrolment;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built-in login and the assurance a client asks for: {@code acr_values=aal2} raises a password-only session
 * through the aal2 login, and the ID token says how the person signed in ({@code acr}, {@code amr},
 * {@code auth_time}), verified by the Nimbus SDK as a relying party would; an identity without a second factor
 * cannot meet it; {@code prompt=login} and {@code max_age=0} send a signed-in browser to sign in again.
 */
@ExtendWith(ItServerReady.class)
class AssuranceLevelLoginIT {

    private static final String PASSWORD = "assurance level passphrase 5";
    private static final String PAPE = "http://schemas.openid.net/pape/policies/2007/06/multi-factor";

    private final TestBrowser browser = new TestBrowser();

    private static String email() {
        return "acr-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    /** Signs in with the password only over the API; the session's token, at aal1. */
    private static String passwordSession(String email) {
        Http.Response r = ApiFlows.login("", email, PASSWORD);
        assertEquals(200, r.status(), r.toString());
        assertEquals("aal1", r.jsonObject().getJsonObject("session").getString("authenticator_assurance_level"));
        return r.jsonObject().getString("session_token");
    }

    /** Raises the session with the authenticator app's next code, as the aal2 login page would. */
    private static void stepUp(String token, AppEnrolment.Enrolled app) {
        Http.Response started = Http.get("/self-service/login/api?aal=aal2").header("X-Session-Token", token).send();
        assertEquals(200, started.status(), started.toString());
        String action = started.jsonObject().getJsonObject("ui").getString("action");
        String code = new Totp().code(app.secret(), Totp.step(Instant.now()) + 1);
        Http.Response raised = Http.post(action.substring(action.indexOf("/", action.indexOf("//") + 2))).header("X-Session-Token", token)
                .json("{\"method\":\"totp\",\"totp_code\":\"" + code + "\"}").send();
        assertEquals(200, raised.status(), raised.toString());
    }

    /** A new identity without a second factor, signed in with its password in this browser; the login app's URL for {@code s}. */
    private String loginOfPasswordOnlyIdentity(Authorizations.Started s) {
        String email = email();
        assertEquals(200, ApiFlows.register("", email, PASSWORD).status());
        browser.plant("gatehouse_session", passwordSession(email));
        return Authorizations.location(browser.get(s.request().toURI()));
    }

    private static IDTokenClaimsSet verified(AuthorizeClients.Client client, Authorizations.Started s, String callback) throws Exception {
        Issuer issuer = new Issuer(ItServer.get().uri("").toString());
        // the key set read once with the test's own client (the SDK's remote fetch gives up after 500 ms)
        JWKSet keys = JWKSet.parse(Http.get("/.well-known/jwks.json").send().body());
        IDTokenValidator validator = new IDTokenValidator(issuer, new ClientID(client.id()), JWSAlgorithm.RS256, keys);
        return validator.validate(Authorizations.redeemed(client, s, callback).getIDToken(), s.nonce());
    }

    @Test
    void acrValuesAal2WhenPasswordSessionThenStepUpAndIdTokenCarriesAcrAmrAndAuthTime() throws Exception {
        String email = email();
        AppEnrolment.Enrolled app = AppEnrolment.signUpWithApp(email, PASSWORD);
        String token = passwordSession(email);
        Instant signedIn = Instant.now();
        browser.plant("gatehouse_session", token);
        AuthorizeClients.Client client = AuthorizeClients.publicClient().skipConsent().create();
        Authorizations.Started s = Authorizations.request(client, b -> b.acrValues(List.of(new ACR("aal2"))));
        String login = Authorizations.location(browser.get(s.request().toURI()));

        String stepUpPage = Authorizations.location(browser.get(login));
        assertTrue(stepUpPage.startsWith(ItServer.get().baseUrl() + "/self-service/login/browser?aal=aal2&return_to="), stepUpPage);
        String back = Authorizations.parameter(stepUpPage, "return_to");
        assertEquals("/oauth2/ui/login?login_challenge=" + Authorizations.parameter(login, "login_challenge"), back);
        stepUp(token, app);
        String verifier = Authorizations.location(browser.get(back));
        String callback = Authorizations.location(browser.get(verifier));

        IDTokenClaimsSet claims = verified(client, s, callback);
        assertEquals(app.identityId(), claims.getSubject().getValue());
        assertEquals("aal2", claims.getACR().getValue());
        assertEquals(List.of("pwd", "otp", "mfa"), claims.getAMR().stream().map(a -> a.getValue()).toList());
        Instant authTime = claims.getAuthenticationTime().toInstant();
        assertFalse(authTime.isAfter(signedIn.plusSeconds(1)), "auth_time is the password sign-in, not later: " + authTime);
        assertTrue(authTime.isAfter(signedIn.minus(1, ChronoUnit.MINUTES)), "auth_time is the password sign-in: " + authTime);
    }

    @Test
    void acrValuesPapeMultiFactorWhenSessionAtAal2ThenAcceptedWithThePolicyAsAcr() throws Exception {
        String email = email();
        AppEnrolment.Enrolled app = AppEnrolment.signUpWithApp(email, PASSWORD);
        String token = passwordSession(email);
        stepUp(token, app);
        browser.plant("gatehouse_session", token);
        AuthorizeClients.Client client = AuthorizeClients.publicClient().skipConsent().create();
        Authorizations.Started s = Authorizations.request(client, b -> b.acrValues(List.of(new ACR("urn:example:gold"), new ACR(PAPE))));
        String login = Authorizations.location(browser.get(s.request().toURI()));

        String verifier = Authorizations.location(browser.get(login));
        assertTrue(verifier.contains("login_verifier="), "an aal2 session meets it at once: " + verifier);
        IDTokenClaimsSet claims = verified(client, s, Authorizations.location(browser.get(verifier)));

        assertEquals(PAPE, claims.getACR().getValue());
        assertEquals(List.of("pwd", "otp", "mfa"), claims.getAMR().stream().map(a -> a.getValue()).toList());
    }

    @Test
    void acrValuesAal2WhenIdentityHasNoSecondFactorThenUnmetAuthenticationRequirementsAtTheRedirectUri() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().skipConsent().create();
        Authorizations.Started s = Authorizations.request(client, b -> b.acrValues(List.of(new ACR("aal2"))));
        String login = loginOfPasswordOnlyIdentity(s);

        String verifier = Authorizations.location(browser.get(login));
        AuthorizationResponse answer = Authorizations.answer(Authorizations.location(browser.get(verifier)));

        assertFalse(answer.indicatesSuccess());
        assertEquals(OIDCError.UNMET_AUTHENTICATION_REQUIREMENTS.getCode(), answer.toErrorResponse().getErrorObject().getCode());
        assertEquals(s.state(), answer.getState());
    }

    @Test
    void acrValuesAal1WhenPasswordSessionThenAcceptedAtAal1() throws Exception {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().skipConsent().create();
        Authorizations.Started s = Authorizations.request(client, b -> b.acrValues(List.of(new ACR("aal1"))));
        String login = loginOfPasswordOnlyIdentity(s);

        IDTokenClaimsSet claims = verified(client, s, Authorizations.location(browser.get(Authorizations.location(browser.get(login)))));

        assertEquals("aal1", claims.getACR().getValue());
        assertEquals(List.of("pwd"), claims.getAMR().stream().map(a -> a.getValue()).toList());
    }

    @Test
    void promptLoginOrMaxAgeZeroWhenSignedInThenSignInAgainAndAuthTimeIsTheNewSignIn() throws Exception {
        String email = email();
        assertEquals(200, ApiFlows.register("", email, PASSWORD).status());
        browser.plant("gatehouse_session", passwordSession(email));
        AuthorizeClients.Client client = AuthorizeClients.publicClient().skipConsent().create();
        for (Authorizations.Started s : List.of(Authorizations.request(client, b -> b.prompt(new Prompt(Prompt.Type.LOGIN))),
                Authorizations.request(client, b -> b.maxAge(0)))) {
            String login = Authorizations.location(browser.get(s.request().toURI()));
            Instant requested = Instant.now().truncatedTo(ChronoUnit.SECONDS);

            String identityLogin = Authorizations.location(browser.get(login));
            assertTrue(identityLogin.startsWith(ItServer.get().baseUrl() + "/self-service/login/browser?refresh=true&return_to="),
                    "the existing session is not enough: " + identityLogin);
            // signing in again, as the refresh login page does, gives the browser a new session
            browser.plant("gatehouse_session", passwordSession(email));
            String verifier = Authorizations.location(browser.get(Authorizations.parameter(identityLogin, "return_to")));
            IDTokenClaimsSet claims = verified(client, s, Authorizations.location(browser.get(verifier)));

            assertFalse(claims.getAuthenticationTime().toInstant().isBefore(requested), "auth_time is the new sign-in");
            assertEquals("aal1", claims.getACR().getValue());
        }
    }

    @Test
    void discoveryWhenReadThenListsTheAcrValuesTheLoginKnows() {
        JsonObject doc = Http.get("/.well-known/openid-configuration").send().jsonObject();

        assertEquals(List.of("aal1", "aal2", PAPE), doc.getJsonArray("acr_values_supported").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
    }
}
