package dev.gatehouse.it.oauth2.authorize;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hydra's {@code /admin/oauth2/auth/sessions/consent}: consents given through the challenge API are listed in
 * Hydra's shape, a remembered one makes the next request skip the consent app, and revoking it brings the
 * question back.
 */
@ExtendWith(ItServerReady.class)
class ConsentSessionsIT {

    private final TestBrowser browser = new TestBrowser();
    private final String subject = "consent-" + UUID.randomUUID();

    /** One full authorization request; the consent (when asked for) grants openid and profile, remembered. */
    private boolean authorize(AuthorizeClients.Client client) {
        String challenge = Authorizations.loginChallenge(browser, Authorizations.request(client));
        String consentChallenge = Authorizations.consentChallenge(browser,
                Authorizations.acceptLogin(challenge, "{\"subject\":\"" + subject + "\",\"remember\":true}"));
        JsonObject consent = Http.get("/admin/oauth2/auth/requests/consent?consent_challenge="
                + Authorizations.enc(consentChallenge)).admin().send().jsonObject();
        String verifier = Authorizations.acceptConsent(consentChallenge, "{\"grant_scope\":[\"openid\",\"profile\"],"
                + "\"remember\":true,\"remember_for\":0,\"session\":{\"id_token\":{\"team\":\"blue\"}}}");
        assertTrue(Authorizations.answer(Authorizations.location(browser.get(verifier))).indicatesSuccess());
        return consent.getBoolean("skip");
    }

    private JsonArray list() {
        Http.Response r = Http.get("/admin/oauth2/auth/sessions/consent?subject=" + Authorizations.enc(subject)).admin().send();
        assertEquals(200, r.status(), r.toString());
        return r.json().asJsonArray();
    }

    @Test
    void consentSessionsWhenGrantedThenListedInHydraShapeAndNextRequestSkips() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        assertFalse(authorize(client));

        JsonArray sessions = list();
        assertEquals(1, sessions.size());
        JsonObject s = sessions.getJsonObject(0);
        assertEquals(client.id(), s.getJsonObject("consent_request").getJsonObject("client").getString("client_id"));
        assertEquals(subject, s.getJsonObject("consent_request").getString("subject"));
        assertEquals("[\"openid\",\"profile\"]", s.getJsonArray("grant_scope").toString());
        assertTrue(s.getBoolean("remember"));
        assertEquals("blue", s.getJsonObject("session").getJsonObject("id_token").getString("team"));

        assertTrue(authorize(client), "the remembered consent makes the next request skip");
    }

    @Test
    void consentSessionsWhenRevokedForTheClientThenGoneAndConsentAskedAgain() {
        AuthorizeClients.Client client = AuthorizeClients.publicClient().create();
        authorize(client);

        assertEquals(204, Http.method("DELETE", "/admin/oauth2/auth/sessions/consent?subject=" + Authorizations.enc(subject)
                + "&client=" + Authorizations.enc(client.id())).admin().send().status());

        assertEquals(0, list().size());
        assertFalse(authorize(client), "consent is asked for again");
    }

    @Test
    void consentSessionsWhenSubjectOrTargetMissingThenRefused() {
        assertEquals(422, Http.get("/admin/oauth2/auth/sessions/consent").admin().send().status());
        assertEquals(422, Http.method("DELETE", "/admin/oauth2/auth/sessions/consent?subject=x").admin().send().status());
        assertEquals(401, Http.get("/admin/oauth2/auth/sessions/consent?subject=x").send().status());
    }
}
