package dev.gatehouse.it.selfservice;

import dev.gatehouse.credential.totp.Totp;
import dev.gatehouse.credential.totp.TotpSecret;
import dev.gatehouse.it.support.Browser;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import static dev.gatehouse.it.selfservice.ApiFlows.login;
import static dev.gatehouse.it.selfservice.ApiFlows.register;
import static dev.gatehouse.it.selfservice.ApiFlows.whoami;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The required assurance levels over the wire (both {@code highest_available}, the default): once an identity has
 * an authenticator app, a password-only session must step up with it before whoami answers or a settings flow
 * opens or takes a change — calling those endpoints directly does not skip the step-up, nor does recovery.
 */
@ExtendWith(ItServerReady.class)
class StepUpIT {

    private static final String PASSWORD = "step up test passphrase 5";
    private static final Totp TOTP = new Totp();

    private record Enrolled(String email, String token, TotpSecret secret) {
    }

    private static String email() {
        return "stepup-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    private static String path(JsonObject flow) {
        String action = flow.getJsonObject("ui").getString("action");
        return action.substring(action.indexOf("/", action.indexOf("//") + 2));
    }

    private static Http.Response post(JsonObject flow, String token, String json) {
        return Http.post(path(flow)).header("X-Session-Token", token).json(json).send();
    }

    private static String code(TotpSecret secret, long stepsAhead) {
        return TOTP.code(secret, Totp.step(Instant.now()) + stepsAhead);
    }

    private static JsonObject settingsFlow(String token) {
        Http.Response r = Http.get("/self-service/settings/api").header("X-Session-Token", token).send();
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject();
    }

    /** Signs up and sets up an authenticator app with the current step's code; that session is then aal2. */
    private static Enrolled enrolled() {
        String email = email();
        String token = register("", email, PASSWORD).jsonObject().getString("session_token");
        return new Enrolled(email, token, enrol(token));
    }

    /** Sets up an authenticator app with the session {@code token}, which is then aal2. */
    private static TotpSecret enrol(String token) {
        JsonObject flow = settingsFlow(token);
        JsonObject secretNode = flow.getJsonObject("ui").getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .filter(n -> "totp_secret_key".equals(n.getJsonObject("attributes").getString("id", ""))).findFirst().orElseThrow();
        TotpSecret secret = TotpSecret.parse(secretNode.getJsonObject("attributes").getJsonObject("text")
                .getJsonObject("context").getString("secret"));
        Http.Response saved = post(flow, token, "{\"method\":\"totp\",\"totp_code\":\"" + code(secret, 0) + "\"}");
        assertEquals(200, saved.status(), saved.toString());
        assertEquals("aal2", whoami("", token).jsonObject().getString("authenticator_assurance_level"),
                "setting up the app proved it: the session that did it is aal2");
        return secret;
    }

    private static String flowOf(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow(() -> new AssertionError(redirect.statusCode() + " " + redirect.body()));
        return location.substring(location.indexOf("flow=") + 5);
    }

    private static String passwordSession(String email) {
        Http.Response r = login("", email, PASSWORD);
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject().getString("session_token");
    }

    private static void raise(String token, TotpSecret secret) {
        Http.Response started = Http.get("/self-service/login/api?aal=aal2").header("X-Session-Token", token).send();
        assertEquals(200, started.status(), started.toString());
        Http.Response r = post(started.jsonObject(), token, "{\"method\":\"totp\",\"totp_code\":\"" + code(secret, 1) + "\"}");
        assertEquals(200, r.status(), r.toString());
    }

    private static void assertAal2Required(Http.Response r) {
        assertEquals(403, r.status(), r.toString());
        JsonObject body = r.jsonObject();
        assertEquals("session_aal2_required", body.getJsonObject("error").getString("id"));
        assertTrue(body.getString("redirect_browser_to").startsWith(ItServer.get().baseUrl() + "/self-service/login/browser?aal=aal2"),
                body.toString());
    }

    @Test
    void settingsPageWhenItsSessionIsBelowAal2OrGoneThenTheFlowIsNotDrawn() {
        String email = email();
        Http.Response registered = register("", email, PASSWORD);
        assertEquals(200, registered.status(), registered.toString());
        String identityId = registered.jsonObject().getJsonObject("identity").getString("id");
        Browser browser = new Browser();
        String login = flowOf(browser.open("/self-service/login/browser"));
        HttpResponse<String> signedIn = browser.postForm("/self-service/login?flow=" + login,
                "csrf_token", browser.cookie("gatehouse_csrf").orElseThrow(), "method", "password", "identifier", email, "password", PASSWORD);
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        String page = "/ui/selfservice/settings.xhtml?flow=" + flowOf(browser.open("/self-service/settings/browser"));
        HttpResponse<String> drawn = browser.open(page);
        assertEquals(200, drawn.statusCode(), "aal1 is enough while the identity has no second factor");
        assertTrue(drawn.body().contains(email));

        enrol(passwordSession(email)); // an authenticator app set up from another device
        HttpResponse<String> belowAal2 = browser.open(page);

        assertEquals(302, belowAal2.statusCode(), belowAal2.body());
        assertTrue(belowAal2.headers().firstValue("Location").orElseThrow()
                .startsWith(ItServer.get().baseUrl() + "/self-service/login/browser?aal=aal2&return_to="), belowAal2.headers().toString());
        assertFalse(belowAal2.body().contains(email));

        assertEquals(204, Http.method("DELETE", "/admin/identities/" + identityId + "/sessions").admin().send().status());
        HttpResponse<String> signedOut = browser.open(page);

        assertEquals(302, signedOut.statusCode(), signedOut.body());
        assertEquals(ItServer.get().baseUrl() + "/self-service/login/browser", signedOut.headers().firstValue("Location").orElseThrow());
        assertFalse(signedOut.body().contains(email));
    }

    @Test
    void sessionsWhenStepUpSkippedThenNeitherListedNorRevoked() {
        Enrolled who = enrolled();
        String token = passwordSession(who.email());

        assertAal2Required(Http.get("/sessions").header("X-Session-Token", token).send());
        assertAal2Required(Http.method("DELETE", "/sessions").header("X-Session-Token", token).send());

        assertEquals(200, whoami("", who.token()).status(), "the other session was not revoked");
        raise(token, who.secret());
        Http.Response listed = Http.get("/sessions").header("X-Session-Token", token).send();
        assertEquals(200, listed.status(), listed.toString());
        assertEquals(1, listed.json().asJsonArray().size(), "the session that set up the app");
    }

    @Test
    void whoamiWhenPasswordOnlyAndAppEnrolledThenAal2RequiredUntilRaised() {
        Enrolled who = enrolled();
        String token = passwordSession(who.email());

        Http.Response before = whoami("", token);

        assertAal2Required(before);
        assertEquals(ItServer.get().baseUrl() + "/self-service/login/browser?aal=aal2", before.jsonObject().getString("redirect_browser_to"));
        raise(token, who.secret());
        JsonObject after = whoami("", token).jsonObject();
        assertEquals("aal2", after.getString("authenticator_assurance_level"));
    }

    @Test
    void whoamiWhenNoSecondFactorThenAal1SessionAnswered() {
        String email = email();
        register("", email, PASSWORD);

        Http.Response r = whoami("", passwordSession(email));

        assertEquals(200, r.status(), r.toString());
        assertEquals("aal1", r.jsonObject().getString("authenticator_assurance_level"));
    }

    /** The attack: sign in with the password alone and call settings directly, skipping the second factor. */
    @Test
    void settingsWhenStepUpSkippedThenRefusedAndNothingChanged() {
        Enrolled who = enrolled();
        String stolen = passwordSession(who.email());
        JsonObject othersFlow = settingsFlow(who.token());

        Http.Response created = Http.get("/self-service/settings/api").header("X-Session-Token", stolen).send();
        Http.Response fetched = Http.get("/self-service/settings/flows?id=" + othersFlow.getString("id")).header("X-Session-Token", stolen).send();
        Http.Response changed = post(othersFlow, stolen, "{\"method\":\"password\",\"password\":\"taken over passphrase 77\"}");
        Http.Response unlinked = post(othersFlow, stolen, "{\"totp_unlink\":true}");
        Http.Response browser = Http.get("/self-service/settings/browser").header("Cookie", "gatehouse_session=" + stolen).send();

        assertAal2Required(created);
        assertAal2Required(fetched);
        assertAal2Required(changed);
        assertAal2Required(unlinked);
        assertEquals(303, browser.status(), browser.toString());
        assertEquals(ItServer.get().baseUrl() + "/self-service/login/browser?aal=aal2&return_to="
                + URLEncoder.encode(ItServer.get().baseUrl() + "/self-service/settings/browser", StandardCharsets.UTF_8), browser.header("Location"));
        assertEquals(400, login("", who.email(), "taken over passphrase 77").status(), "the password is unchanged");
        assertEquals(200, login("", who.email(), PASSWORD).status());
        Http.Response aal2Step = Http.get("/self-service/login/api?aal=aal2").header("X-Session-Token", stolen).send();
        assertTrue(aal2Step.body().contains("totp_code"), "the app is still there: " + aal2Step);
    }

    @Test
    void recoveryWhenAppEnrolledThenSettingsDemandAal2UntilTheAppIsUsed() throws SQLException {
        assumeTrue(CodeFlows.courierAvailable(), "needs the courier (its outbox table) to read the mailed code");
        Enrolled who = enrolled();
        JsonObject flow = CodeFlows.sendTo(ApiFlows.start("", "recovery"), who.email()).jsonObject();
        Http.Response recovered = CodeFlows.code("", "recovery", flow.getString("id"), CodeFlows.sentCode(who.email()).orElseThrow());
        assertEquals(200, recovered.status(), recovered.toString());
        String token = recovered.jsonObject().getString("session_token");
        assertEquals("aal1", recovered.jsonObject().getJsonObject("session").getString("authenticator_assurance_level"));
        String settings = "/self-service/settings?flow=" + recovered.jsonObject().getJsonArray("continue_with").getJsonObject(0)
                .getJsonObject("flow").getString("id");
        String newPassword = "{\"method\":\"password\",\"password\":\"recovered step up passphrase 9\"}";

        Http.Response refused = Http.post(settings).header("X-Session-Token", token).json(newPassword).send();

        assertAal2Required(refused);
        raise(token, who.secret());
        Http.Response saved = Http.post(settings).header("X-Session-Token", token).json(newPassword).send();
        assertEquals(200, saved.status(), saved.toString());
        assertEquals(200, login("", who.email(), "recovered step up passphrase 9").status());
    }
}
