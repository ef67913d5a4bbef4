package dev.gatehouse.it.identity;

import dev.gatehouse.credential.totp.Totp;
import dev.gatehouse.credential.totp.TotpSecret;
import dev.gatehouse.it.selfservice.ApiFlows;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.ServerLog;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.gatehouse.it.identity.TestIdentities.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An identity's credentials through the admin API, as Kratos has them: listed without secrets, and a lost second
 * factor removed with {@code DELETE /admin/identities/{id}/credentials/{type}}.
 */
@ExtendWith(ItServerReady.class)
class IdentityCredentialsAdminIT {

    private static final String PASSWORD = "admin credentials passphrase 7";
    private static final Totp TOTP = new Totp();

    private record Enrolled(String email, String id, TotpSecret secret) {
    }

    private static Http.Response post(JsonObject flow, String token, String json) {
        String action = flow.getJsonObject("ui").getString("action");
        return Http.post(action.substring(action.indexOf("/", action.indexOf("//") + 2))).header("X-Session-Token", token)
                .json(json).send();
    }

    private static Optional<JsonObject> node(JsonObject flow, String name) {
        return flow.getJsonObject("ui").getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .filter(n -> name.equals(n.getJsonObject("attributes").getString("name", n.getJsonObject("attributes").getString("id", ""))))
                .findFirst();
    }

    private static String code(TotpSecret secret, long stepsAhead) {
        return TOTP.code(secret, Totp.step(Instant.now()) + stepsAhead);
    }

    /** Signs up and sets up an authenticator app in the settings flow, as a person would. */
    private static Enrolled enrolled() {
        String email = uniqueEmail();
        JsonObject signedUp = ApiFlows.register("", email, PASSWORD).jsonObject();
        String token = signedUp.getString("session_token");
        JsonObject flow = Http.get("/self-service/settings/api").header("X-Session-Token", token).send().jsonObject();
        TotpSecret secret = TotpSecret.parse(node(flow, "totp_secret_key").orElseThrow().getJsonObject("attributes")
                .getJsonObject("text").getJsonObject("context").getString("secret"));
        Http.Response saved = post(flow, token, "{\"method\":\"totp\",\"totp_code\":\"" + code(secret, 0) + "\"}");
        assertEquals(200, saved.status(), saved.toString());
        return new Enrolled(email, signedUp.getJsonObject("identity").getString("id"), secret);
    }

    private static String passwordSession(String email) {
        Http.Response r = ApiFlows.login("", email, PASSWORD);
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject().getString("session_token");
    }

    private static JsonObject raiseFlow(String token) {
        Http.Response r = Http.get("/self-service/login/api?aal=aal2").header("X-Session-Token", token).send();
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject();
    }

    /** The security event logged for the request with this id. */
    private static JsonObject securityEvent(String requestId) {
        JsonObject record = ServerLog.await(r -> r.getString("message", "").contains(requestId)
                && r.getString("module", "").equals("gatehouse.security")).orElseThrow();
        try (JsonReader reader = Json.createReader(new StringReader(record.getString("message")))) {
            return reader.readObject();
        }
    }

    private static Http.Response deleteCredential(String prefix, String id, String type) {
        return Http.method("DELETE", prefix + "/admin/identities/" + id + "/credentials/" + type).admin().send();
    }

    @Test
    void getWhenTotpEnrolledThenListedWithoutItsSecret() {
        Enrolled who = enrolled();

        Http.Response r = Http.get("/admin/identities/" + who.id()).admin().send();

        assertEquals(200, r.status(), r.toString());
        JsonObject totp = r.jsonObject().getJsonObject("credentials").getJsonObject("totp");
        assertEquals("totp", totp.getString("type"));
        assertEquals(List.of(who.id()), totp.getJsonArray("identifiers").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        assertTrue(totp.containsKey("version") && totp.containsKey("created_at") && totp.containsKey("updated_at"), totp.toString());
        assertFalse(totp.containsKey("config"), totp.toString());
        assertTrue(r.jsonObject().getJsonObject("credentials").containsKey("password"));
        assertFalse(r.body().contains(who.secret().base32()), "the TOTP secret never leaves");
        assertFalse(r.body().contains("otpauth") || r.body().contains("hashed_password"), r.body());
    }

    @Test
    void getWhenSignedInWithPasswordThenTotpThenEachCredentialSaysWhenItWasLastUsed() {
        Enrolled who = enrolled();
        JsonObject before = Http.get("/admin/identities/" + who.id()).admin().send().jsonObject().getJsonObject("credentials");
        assertFalse(before.getJsonObject("password").containsKey("last_used_at"), "signing up uses no credential: " + before);
        assertFalse(before.getJsonObject("totp").containsKey("last_used_at"), before.toString());
        Instant start = Instant.now().minusSeconds(2);

        String token = passwordSession(who.email());
        JsonObject afterPassword = Http.get("/admin/identities/" + who.id()).admin().send().jsonObject().getJsonObject("credentials");
        assertEquals(200, post(raiseFlow(token), token, "{\"method\":\"totp\",\"totp_code\":\"" + code(who.secret(), 1) + "\"}").status());
        JsonObject afterTotp = Http.get("/admin/identities/" + who.id()).admin().send().jsonObject().getJsonObject("credentials");

        Instant password = Instant.parse(afterPassword.getJsonObject("password").getString("last_used_at"));
        assertTrue(password.isAfter(start), afterPassword.toString());
        assertFalse(afterPassword.getJsonObject("totp").containsKey("last_used_at"), "only the credential that signed in: " + afterPassword);
        assertTrue(Instant.parse(afterTotp.getJsonObject("totp").getString("last_used_at")).isAfter(password.minusMillis(1)), afterTotp.toString());
        assertEquals(password.toString(), afterTotp.getJsonObject("password").getString("last_used_at"), "raising the session used no password");
        assertEquals(List.of("created_at", "identifiers", "last_used_at", "type", "updated_at", "version"),
                afterTotp.getJsonObject("totp").keySet().stream().sorted().toList(), "Kratos' shape with one more field");
    }

    @Test
    void getWhenIncludeCredentialThenOnlyThePasswordHashAsKratosAndNeverTheTotpSecret() {
        Enrolled who = enrolled();

        Http.Response r = Http.get("/admin/identities/" + who.id() + "?include_credential=password&include_credential=totp"
                + "&include_credential=oidc").admin().send();

        assertEquals(200, r.status(), r.toString());
        JsonObject credentials = r.jsonObject().getJsonObject("credentials");
        assertTrue(credentials.getJsonObject("password").getJsonObject("config").getString("hashed_password").startsWith("$"));
        assertFalse(credentials.getJsonObject("totp").containsKey("config"), credentials.toString());
        assertFalse(r.body().contains(who.secret().base32()) || r.body().contains("otpauth"), r.body());
    }

    @Test
    void getWhenIncludeCredentialUnknownThen400WithKratosReason() {
        Enrolled who = enrolled();

        Http.Response r = Http.get("/admin/identities/" + who.id() + "?include_credential=carrier_pigeon").admin().send();

        assertEquals(400, r.status(), r.toString());
        assertEquals("Invalid value `carrier_pigeon` for parameter `include_credential`.", r.jsonObject().getString("detail"));
    }

    @Test
    void deleteWhenTotpThen204AndAal2LoginNoLongerOffersIt() {
        Enrolled who = enrolled();
        String raised = passwordSession(who.email());
        assertEquals(200, post(raiseFlow(raised), raised, "{\"method\":\"totp\",\"totp_code\":\"" + code(who.secret(), 1) + "\"}").status());

        String requestId = "credentials-it-" + UUID.randomUUID();
        Http.Response r = Http.method("DELETE", "/admin/identities/" + who.id() + "/credentials/totp")
                .header("X-Request-ID", requestId).admin().send();

        assertEquals(204, r.status(), r.toString());
        JsonObject event = securityEvent(requestId);
        assertEquals("credential_removed", event.getString("event"));
        assertEquals("admin-api-key", event.getString("actor"));
        assertEquals(who.id(), event.getString("subject"));
        assertEquals("totp", event.getJsonObject("details").getString("type"));
        assertFalse(Http.get("/admin/identities/" + who.id()).admin().send().jsonObject().getJsonObject("credentials").containsKey("totp"));
        String token = passwordSession(who.email());
        JsonObject flow = raiseFlow(token);
        assertTrue(node(flow, "totp_code").isEmpty(), flow.toString());
        assertTrue(post(flow, token, "{\"method\":\"totp\",\"totp_code\":\"" + code(who.secret(), 2) + "\"}").status() >= 400);
        assertEquals("aal1", ApiFlows.whoami("", token).jsonObject().getString("authenticator_assurance_level"));
        assertEquals("aal2", ApiFlows.whoami("", raised).jsonObject().getString("authenticator_assurance_level"),
                "as in Kratos, sessions are left as they are");
        assertEquals(404, deleteCredential("", who.id(), "totp").status(), "gone");
    }

    /** A signed-up identity has password and code; Kratos would empty the password, Gatehouse keeps it. */
    @Test
    void deleteWhenLookupSecretThenListedWithoutHashesBefore204AndNoLongerOfferedAfter() {
        String email = uniqueEmail();
        JsonObject signedUp = ApiFlows.register("", email, PASSWORD).jsonObject();
        String token = signedUp.getString("session_token");
        String id = signedUp.getJsonObject("identity").getString("id");
        JsonObject settings = Http.get("/self-service/settings/api").header("X-Session-Token", token).send().jsonObject();
        Http.Response generated = post(settings, token, "{\"method\":\"lookup_secret\",\"lookup_secret_regenerate\":true}");
        String firstCode = node(generated.jsonObject(), "lookup_secret_codes").orElseThrow().getJsonObject("attributes")
                .getJsonObject("text").getJsonObject("context").getJsonArray("secrets").getJsonObject(0).getString("text");
        assertEquals(200, post(generated.jsonObject(), token, "{\"lookup_secret_confirm\":true}").status());
        Http.Response listed = Http.get("/admin/identities/" + id + "?include_credential=lookup_secret").admin().send();
        assertFalse(listed.jsonObject().getJsonObject("credentials").getJsonObject("lookup_secret").containsKey("config"), listed.body());
        assertFalse(listed.body().contains("recovery_codes") || listed.body().contains(firstCode), listed.body());

        Http.Response r = deleteCredential("", id, "lookup_secret");

        assertEquals(204, r.status(), r.toString());
        String session = passwordSession(email);
        assertTrue(node(raiseFlow(session), "lookup_secret").isEmpty());
    }

    @Test
    void deleteWhenPasswordThen400AndPasswordStillWorks() {
        Enrolled who = enrolled();

        Http.Response r = deleteCredential("", who.id(), "password");

        assertEquals(400, r.status(), r.toString());
        assertEquals("Credentials type password cannot be deleted.", r.jsonObject().getString("detail"));
        assertEquals(200, ApiFlows.login("", who.email(), PASSWORD).status());
    }

    @Test
    void deleteWhenTypeUnknownOrNotSetUpThen404AsKratos() {
        Enrolled who = enrolled();

        Http.Response unknown = deleteCredential("", who.id(), "carrier_pigeon");
        Http.Response notSetUp = deleteCredential("", who.id(), "lookup_secret");

        assertEquals(404, unknown.status(), unknown.toString());
        assertEquals(404, notSetUp.status(), notSetUp.toString());
        assertEquals("You tried to remove a lookup_secret but this user have no lookup_secret set up.",
                notSetUp.jsonObject().getString("detail"));
        assertEquals(404, deleteCredential("", "00000000-0000-0000-0000-000000000000", "totp").status());
        assertEquals(404, deleteCredential("", "not-a-uuid", "totp").status());
    }

    @Test
    void deleteWhenIdentityOfAnotherTenantThen404AndKept() {
        Enrolled who = enrolled();

        Http.Response r = deleteCredential("/t/acme", who.id(), "totp");

        assertEquals(404, r.status(), r.toString());
        assertTrue(Http.get("/admin/identities/" + who.id()).admin().send().jsonObject().getJsonObject("credentials").containsKey("totp"));
    }

    @Test
    void deleteWithoutAdminThen401() {
        assertEquals(401, Http.method("DELETE", "/admin/identities/00000000-0000-0000-0000-000000000000/credentials/totp").send().status());
    }
}
