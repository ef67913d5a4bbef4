package dev.gatehouse.it.selfservice;

import dev.gatehouse.credential.webauthn.SoftwareAuthenticator;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.TestTenants;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;

import static dev.gatehouse.it.selfservice.ApiFlows.start;
import static dev.gatehouse.it.selfservice.ApiFlows.whoami;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.challenge;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.messageIds;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.node;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.nodes;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.options;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.origin;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.post;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.rpId;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.settings;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code webauthn} method in the password-free mode ({@code webauthn.passwordless}) over the API flows, in tenants
 * that turned it on: sign-up with the traits and a security key only, sign-in with the identifier then the key at
 * aal1, the key being no second factor; a key of another identity refused; and nothing of it offered when the mode is off.
 */
@ExtendWith(ItServerReady.class)
class WebAuthnPasswordlessIT {

    private record SignedUp(String prefix, String email, String identityId, String token) {
    }

    private static String tenantPasswordless() {
        return "/t/" + TestTenants.create("pwl", "{\"webauthn.passwordless\": true}");
    }

    private static SignedUp signUp(String prefix, SoftwareAuthenticator key) {
        String email = "pwl-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        JsonObject flow = start(prefix, "registration");
        JsonObject o = options(flow, "webauthn_register_trigger");

        Http.Response done = post(flow, null, Json.createObjectBuilder().add("method", "webauthn")
                .add("traits", Json.createObjectBuilder().add("email", email)).add("webauthn_register_displayname", "Desk key")
                .add("webauthn_register", key.register(rpId(o), origin(), challenge(o), SoftwareAuthenticator.UP)).build());

        assertEquals(200, done.status(), done.toString());
        JsonObject body = done.jsonObject();
        return new SignedUp(prefix, email, body.getJsonObject("identity").getString("id"), body.getString("session_token"));
    }

    /** Both steps of a sign-in: the identifier, then {@code key}'s answer to the options the second form shows. */
    private static Http.Response signIn(String prefix, String identifier, SoftwareAuthenticator key) {
        Http.Response first = post(start(prefix, "login"), null,
                Json.createObjectBuilder().add("method", "webauthn").add("identifier", identifier).build());
        assertEquals(200, first.status(), first.toString());
        JsonObject second = first.jsonObject();
        JsonObject o = options(second, "webauthn_login_trigger");
        return post(second, null, Json.createObjectBuilder().add("method", "webauthn").add("identifier", identifier)
                .add("webauthn_login", key.authenticate(rpId(o), origin(), challenge(o), SoftwareAuthenticator.UP, null)).build());
    }

    @Test
    void registrationWhenTraitsAndKeyOnlyThenSignedInWithoutPassword() {
        String prefix = tenantPasswordless();
        JsonObject flow = start(prefix, "registration");
        assertEquals(1040004L, node(flow, "webauthn_register_trigger").getJsonObject("meta").getJsonObject("label")
                .getJsonNumber("id").longValue());
        assertEquals("webauthn", node(flow, "webauthn_register_displayname").getString("group"));
        assertEquals("hidden", node(flow, "webauthn_register").getJsonObject("attributes").getString("type"));

        SignedUp who = signUp(prefix, new SoftwareAuthenticator());

        Http.Response me = whoami(prefix, who.token());
        assertEquals(200, me.status(), me.toString());
        assertEquals("aal1", me.jsonObject().getString("authenticator_assurance_level"));
        assertEquals(List.of("webauthn"), WebAuthnFlows.methods(me.jsonObject()));
        JsonObject identity = Http.get(prefix + "/admin/identities/" + who.identityId()).admin().send().jsonObject();
        assertTrue(identity.getJsonObject("credentials").containsKey("webauthn"), identity.toString());
        assertFalse(identity.getJsonObject("credentials").containsKey("password"), identity.toString());
    }

    @Test
    void loginWhenIdentifierThenKeyThenSessionAtAal1WithMethodWebauthn() {
        String prefix = tenantPasswordless();
        SoftwareAuthenticator key = new SoftwareAuthenticator();
        SignedUp who = signUp(prefix, key);
        JsonObject flow = start(prefix, "login");
        assertTrue(values(flow, "method").contains("webauthn"), flow.toString());

        Http.Response first = post(flow, null, Json.createObjectBuilder().add("method", "webauthn").add("identifier", who.email()).build());
        assertEquals(200, first.status(), first.toString());
        assertEquals(List.of(1010012L), messageIds(first.jsonObject()));
        assertEquals("hidden", node(first.jsonObject(), "identifier").getJsonObject("attributes").getString("type"));
        assertEquals(1, options(first.jsonObject(), "webauthn_login_trigger").getJsonArray("allowCredentials").size());

        Http.Response r = signIn(prefix, who.email(), key);

        assertEquals(200, r.status(), r.toString());
        JsonObject session = r.jsonObject().getJsonObject("session");
        assertEquals(who.identityId(), session.getJsonObject("identity").getString("id"));
        assertEquals("aal1", session.getString("authenticator_assurance_level"));
        assertEquals(List.of("webauthn"), WebAuthnFlows.methods(session));
    }

    @Test
    void keyWhenPasswordlessThenNoSecondFactorAndSettingsAddPasswordlessKeys() {
        String prefix = tenantPasswordless();
        SignedUp who = signUp(prefix, new SoftwareAuthenticator());

        // settings ask for the highest level available: with no second factor, the aal1 session is enough
        Http.Response opened = settings(prefix, who.token());
        assertEquals(200, opened.status(), opened.toString());
        JsonObject flow = opened.jsonObject();
        assertEquals(1, values(flow, "webauthn_remove").size());
        JsonObject o = options(flow, "webauthn_register_trigger");
        SoftwareAuthenticator second = new SoftwareAuthenticator();
        Http.Response added = post(flow, who.token(), Json.createObjectBuilder().add("method", "webauthn")
                .add("webauthn_register_displayname", "Spare key")
                .add("webauthn_register", second.register(rpId(o), origin(), challenge(o), SoftwareAuthenticator.UP)).build());
        assertEquals(200, added.status(), added.toString());

        Http.Response me = whoami(prefix, who.token());
        assertEquals("aal1", me.jsonObject().getString("authenticator_assurance_level"), "a passwordless key raises no session to aal2");
        Http.Response r = signIn(prefix, who.email(), second);
        assertEquals(200, r.status(), "the key added in settings signs in on its own: " + r);
        assertEquals("aal1", r.jsonObject().getJsonObject("session").getString("authenticator_assurance_level"));
        assertEquals(200, settings(prefix, r.jsonObject().getString("session_token")).status(), "still no second factor to ask for");
    }

    @Test
    void loginWhenKeyOfAnotherIdentityThenRefused() {
        String prefix = tenantPasswordless();
        SoftwareAuthenticator mallorysKey = new SoftwareAuthenticator();
        signUp(prefix, mallorysKey);
        SignedUp alice = signUp(prefix, new SoftwareAuthenticator());

        Http.Response r = signIn(prefix, alice.email(), mallorysKey);

        assertEquals(400, r.status(), r.toString());
        assertEquals(List.of(4000043L), messageIds(r.jsonObject()));
        assertFalse(r.jsonObject().containsKey("session_token"));
    }

    @Test
    void loginWhenIdentifierHasNoKeyThenToldSo() {
        String prefix = tenantPasswordless();

        Http.Response r = post(start(prefix, "login"), null, Json.createObjectBuilder().add("method", "webauthn")
                .add("identifier", "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test").build());

        assertEquals(400, r.status(), r.toString());
        assertEquals(List.of(4000015L), messageIds(r.jsonObject()));
        assertTrue(nodes(r.jsonObject(), "webauthn_login_trigger").isEmpty());
    }

    @Test
    void modeOffThenNeitherSignUpNorSignInOffersIt() {
        JsonObject registration = start("", "registration");
        assertTrue(nodes(registration, "webauthn_register_trigger").isEmpty(), registration.toString());
        assertTrue(nodes(registration, "webauthn_register").isEmpty(), registration.toString());
        JsonObject login = start("", "login");
        assertFalse(values(login, "method").contains("webauthn"), login.toString());

        Http.Response r = post(login, null, Json.createObjectBuilder().add("method", "webauthn").add("identifier", "a@example.test").build());
        assertEquals(400, r.status(), r.toString());
        assertTrue(nodes(r.jsonObject(), "webauthn_login_trigger").isEmpty());
    }
}
