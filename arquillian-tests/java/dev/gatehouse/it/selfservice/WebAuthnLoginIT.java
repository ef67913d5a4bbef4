package dev.gatehouse.it.selfservice;

import com.webauthn4j.data.client.ClientDataType;
import dev.gatehouse.credential.webauthn.Challenge;
import dev.gatehouse.credential.webauthn.SoftwareAuthenticator;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static dev.gatehouse.it.selfservice.ApiFlows.login;
import static dev.gatehouse.it.selfservice.ApiFlows.register;
import static dev.gatehouse.it.selfservice.ApiFlows.whoami;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.challenge;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.messageIds;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.node;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.options;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.origin;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.post;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.raiseFlow;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.rpId;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.settings;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code webauthn} method over the API flows: security keys enrolled in settings under names, a password session
 * raised to aal2 with one of them, a key removed; and every forged or replayed answer refused, counted towards the
 * identity's second-factor lock, leaving the session at aal1.
 */
@ExtendWith(ItServerReady.class)
class WebAuthnLoginIT {

    private static final String PASSWORD = "webauthn test passphrase 5";

    private record Enrolled(String email, String identityId, String token) {
    }

    private static Enrolled signedUp() {
        String email = "webauthn-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        JsonObject r = register("", email, PASSWORD).jsonObject();
        return new Enrolled(email, r.getJsonObject("identity").getString("id"), r.getString("session_token"));
    }

    /** Registers {@code key} under {@code name} in a fresh settings flow; answers the flow after saving. */
    private static JsonObject enrol(Enrolled who, SoftwareAuthenticator key, String name) {
        Http.Response started = settings("", who.token());
        assertEquals(200, started.status(), started.toString());
        JsonObject flow = started.jsonObject();
        JsonObject o = options(flow, "webauthn_register_trigger");
        assertEquals("discouraged", o.getJsonObject("authenticatorSelection").getString("residentKey"));
        String answer = key.register(rpId(o), origin(), challenge(o), SoftwareAuthenticator.UP);

        Http.Response saved = post(flow, who.token(), Json.createObjectBuilder().add("method", "webauthn")
                .add("webauthn_register_displayname", name).add("webauthn_register", answer).build());

        assertEquals(200, saved.status(), saved.toString());
        assertEquals("success", saved.jsonObject().getString("state"));
        return saved.jsonObject();
    }

    private static String passwordSession(String email) {
        Http.Response r = login("", email, PASSWORD);
        assertEquals(200, r.status(), r.toString());
        assertEquals("aal1", r.jsonObject().getJsonObject("session").getString("authenticator_assurance_level"));
        return r.jsonObject().getString("session_token");
    }

    private static Http.Response answer(JsonObject flow, String token, String answer) {
        return post(flow, token, Json.createObjectBuilder().add("method", "webauthn").add("webauthn_login", answer).build());
    }

    private static String errorId(Http.Response r) {
        return r.jsonObject().getJsonObject("error").getString("id");
    }

    @Test
    void settingsWhenTwoNamedKeysThenStepUpWithOneAndRemovalOfTheOther() {
        Enrolled who = signedUp();
        SoftwareAuthenticator blue = new SoftwareAuthenticator();
        SoftwareAuthenticator green = new SoftwareAuthenticator();
        enrol(who, blue, "Blue key");
        JsonObject afterSecond = enrol(who, green, "Green key");
        List<String> removable = values(afterSecond, "webauthn_remove");
        assertEquals(List.of(HexFormat.of().formatHex(blue.credentialId()), HexFormat.of().formatHex(green.credentialId())), removable);
        assertEquals("Blue key", WebAuthnFlows.nodes(afterSecond, "webauthn_remove").get(0).getJsonObject("meta").getJsonObject("label")
                .getJsonObject("context").getString("display_name"));
        assertEquals(2, options(afterSecond, "webauthn_register_trigger").getJsonArray("excludeCredentials").size());

        String token = passwordSession(who.email());
        assertEquals(403, whoami("", token).status(), "a password alone no longer reaches whoami");
        JsonObject flow = raiseFlow("", token);
        JsonObject o = options(flow, "webauthn_login_trigger");
        assertEquals(2, o.getJsonArray("allowCredentials").size());
        Http.Response raised = answer(flow, token, green.authenticate(rpId(o), origin(), challenge(o), SoftwareAuthenticator.UP, null));

        assertEquals(200, raised.status(), raised.toString());
        JsonObject session = whoami("", token).jsonObject();
        assertEquals("aal2", session.getString("authenticator_assurance_level"));
        assertEquals(List.of("password", "webauthn"), WebAuthnFlows.methods(session));

        JsonObject settingsFlow = settings("", token).jsonObject();
        Http.Response removed = post(settingsFlow, token, Json.createObjectBuilder()
                .add("webauthn_remove", HexFormat.of().formatHex(blue.credentialId())).build());
        assertEquals(200, removed.status(), removed.toString());
        assertEquals(List.of(HexFormat.of().formatHex(green.credentialId())), values(removed.jsonObject(), "webauthn_remove"));

        String next = passwordSession(who.email());
        JsonObject again = raiseFlow("", next);
        JsonObject o2 = options(again, "webauthn_login_trigger");
        assertEquals(1, o2.getJsonArray("allowCredentials").size());
        Http.Response withRemoved = answer(again, next, blue.authenticate(rpId(o2), origin(), challenge(o2), SoftwareAuthenticator.UP, null));
        assertEquals(400, withRemoved.status(), withRemoved.toString());
        assertEquals("session_aal2_required", errorId(whoami("", next)));
    }

    @Test
    void loginWhenAnswerSignedForAnotherRelyingPartyThenRefused() {
        Enrolled who = signedUp();
        SoftwareAuthenticator key = new SoftwareAuthenticator();
        enrol(who, key, "Key");
        String token = passwordSession(who.email());
        JsonObject flow = raiseFlow("", token);
        JsonObject o = options(flow, "webauthn_login_trigger");

        Http.Response r = answer(flow, token, key.authenticate("evil.example", origin(), challenge(o), SoftwareAuthenticator.UP, null));

        assertEquals(400, r.status(), r.toString());
        assertEquals(List.of(4000043L), messageIds(r.jsonObject()));
        assertEquals("session_aal2_required", errorId(whoami("", token)));
    }

    @Test
    void loginWhenAnswerMadeOnAnotherOriginThenRefused() {
        Enrolled who = signedUp();
        SoftwareAuthenticator key = new SoftwareAuthenticator();
        enrol(who, key, "Key");
        String token = passwordSession(who.email());
        JsonObject flow = raiseFlow("", token);
        JsonObject o = options(flow, "webauthn_login_trigger");

        Http.Response r = answer(flow, token, key.authenticate(rpId(o), "https://phishing.example", challenge(o), SoftwareAuthenticator.UP, null));

        assertEquals(400, r.status(), r.toString());
        assertEquals(List.of(4000043L), messageIds(r.jsonObject()));
        assertEquals("session_aal2_required", errorId(whoami("", token)));
    }

    @Test
    void loginWhenAnswerToAnotherFlowsChallengeThenRefused() {
        Enrolled who = signedUp();
        SoftwareAuthenticator key = new SoftwareAuthenticator();
        enrol(who, key, "Key");
        String token = passwordSession(who.email());
        JsonObject flow = raiseFlow("", token);
        JsonObject other = raiseFlow("", token);
        JsonObject o = options(other, "webauthn_login_trigger");

        Http.Response r = answer(flow, token, key.authenticate(rpId(o), origin(), challenge(o), SoftwareAuthenticator.UP, null));
        Http.Response made = answer(flow, token, key.authenticate(rpId(o), origin(), Challenge.parse(
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), SoftwareAuthenticator.UP, null));

        assertEquals(400, r.status(), r.toString());
        assertEquals(400, made.status(), made.toString());
        assertEquals("session_aal2_required", errorId(whoami("", token)));
    }

    @Test
    void loginWhenSignCountGoesBackwardsThenClonedKeyRefused() {
        Enrolled who = signedUp();
        SoftwareAuthenticator key = new SoftwareAuthenticator();
        enrol(who, key, "Key");
        String first = passwordSession(who.email());
        JsonObject flow = raiseFlow("", first);
        JsonObject o = options(flow, "webauthn_login_trigger");
        assertEquals(200, answer(flow, first, key.authenticate(rpId(o), origin(), challenge(o), SoftwareAuthenticator.UP, null,
                5, ClientDataType.WEBAUTHN_GET)).status());

        String second = passwordSession(who.email());
        JsonObject flow2 = raiseFlow("", second);
        JsonObject o2 = options(flow2, "webauthn_login_trigger");
        Http.Response copy = answer(flow2, second, key.authenticate(rpId(o2), origin(), challenge(o2), SoftwareAuthenticator.UP, null,
                3, ClientDataType.WEBAUTHN_GET));

        assertEquals(400, copy.status(), copy.toString());
        assertEquals(List.of(4000043L), messageIds(copy.jsonObject()));
        assertEquals("session_aal2_required", errorId(whoami("", second)));
    }

    @Test
    void loginWhenFiveForgedAnswersThenLockedEvenForTheRightOne() {
        Enrolled who = signedUp();
        SoftwareAuthenticator key = new SoftwareAuthenticator();
        enrol(who, key, "Key");
        String token = passwordSession(who.email());
        SoftwareAuthenticator stranger = new SoftwareAuthenticator();
        for (int i = 0; i < 5; i++) {
            JsonObject flow = raiseFlow("", token);
            JsonObject o = options(flow, "webauthn_login_trigger");
            assertEquals(400, answer(flow, token, stranger.authenticate(rpId(o), origin(), challenge(o), SoftwareAuthenticator.UP, null)).status());
        }
        JsonObject flow = raiseFlow("", token);
        JsonObject o = options(flow, "webauthn_login_trigger");

        Http.Response locked = answer(flow, token, key.authenticate(rpId(o), origin(), challenge(o), SoftwareAuthenticator.UP, null));

        assertEquals(400, locked.status(), locked.toString());
        assertEquals("session_aal2_required", errorId(whoami("", token)));
        Http.Response locks = Http.get("/admin/lockouts?subject=" + who.identityId()).admin().send();
        assertTrue(locks.body().contains("second_factor"), locks.toString());
    }

    @Test
    void settingsWhenAnswerForAnotherChallengeThenNoKeyStored() {
        Enrolled who = signedUp();
        JsonObject flow = settings("", who.token()).jsonObject();
        JsonObject o = options(flow, "webauthn_register_trigger");
        SoftwareAuthenticator key = new SoftwareAuthenticator();

        Http.Response r = post(flow, who.token(), Json.createObjectBuilder().add("method", "webauthn").add("webauthn_register",
                key.register(rpId(o), origin(), Challenge.parse("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), SoftwareAuthenticator.UP)).build());

        assertEquals(400, r.status(), r.toString());
        assertEquals(List.of(), values(r.jsonObject(), "webauthn_remove"));
        assertEquals(200, whoami("", who.token()).status(), "no second factor: the aal1 session is still enough");
    }

    @Test
    void loginWhenAnswerIsNotACredentialThenRefusedAndCounted() {
        Enrolled who = signedUp();
        enrol(who, new SoftwareAuthenticator(), "Key");
        String token = passwordSession(who.email());
        JsonObject flow = raiseFlow("", token);

        Http.Response r = answer(flow, token, "{\"id\": 42}");

        assertEquals(400, r.status(), r.toString());
        assertEquals(List.of(4000043L), messageIds(r.jsonObject()));
        assertEquals("session_aal2_required", errorId(whoami("", token)));
    }

    @Test
    void adminWhenRemovesTheLostKeysThenAPasswordIsEnoughAgain() {
        Enrolled who = signedUp();
        enrol(who, new SoftwareAuthenticator(), "Lost key");
        String token = passwordSession(who.email());
        assertEquals(403, whoami("", token).status());

        Http.Response removed = Http.method("DELETE", "/admin/identities/" + who.identityId() + "/credentials/webauthn").admin().send();

        assertEquals(204, removed.status(), removed.toString());
        assertEquals(200, whoami("", token).status(), "no second factor left: the password session reaches whoami");
        assertEquals(List.of(), values(settings("", token).jsonObject(), "webauthn_remove"));
    }
}
