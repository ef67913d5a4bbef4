package dev.gatehouse.it.selfservice;

import dev.gatehouse.credential.totp.Totp;
import dev.gatehouse.credential.webauthn.SoftwareAuthenticator;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.ServerLog;
import dev.gatehouse.it.support.TestTenants;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.gatehouse.it.selfservice.WebAuthnFlows.challenge;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.options;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.origin;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.rpId;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each second factor's life as the security log tells it: set up ({@code credential_enrolled}), refused
 * ({@code credential_failed}), used ({@code credential_used}) and removed ({@code credential_removed}), each naming
 * the method, for an authenticator app, recovery codes, security keys and passkeys, driven over the API flows as an
 * app would (WebAuthn answers made by a software authenticator).
 */
@ExtendWith(ItServerReady.class)
class CredentialEventsIT {

    private static final String PASSWORD = "credential events passphrase 4";

    private static String email() {
        return "events-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    private static Http.Response post(JsonObject flow, String token, String json) {
        return ApiFlows.submit(flow, token, json);
    }

    private static JsonObject settings(String token) {
        return ApiFlows.settings(token);
    }

    private static String passwordSession(String email) {
        Http.Response r = ApiFlows.login("", email, PASSWORD);
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject().getString("session_token");
    }

    private static Http.Response raise(String token, String json) {
        Http.Response started = Http.get("/self-service/login/api?aal=aal2").header("X-Session-Token", token).send();
        assertEquals(200, started.status(), started.toString());
        return post(started.jsonObject(), token, json);
    }

    private static final byte UP_AND_UV = (byte) (SoftwareAuthenticator.UP | SoftwareAuthenticator.UV);

    private record PasskeyUser(String identity, String token, byte[] handle) {
    }

    private static String passkeyTenant() {
        return "/t/" + TestTenants.create("events", "{\"webauthn.passkey.enabled\": true}");
    }

    /** Signs up in the tenant at {@code prefix} with an e-mail address and a passkey of {@code authenticator}, no password. */
    private static PasskeyUser passkeySignUp(String prefix, SoftwareAuthenticator authenticator) {
        JsonObject traits = Json.createObjectBuilder().add("email", email()).build();
        JsonObject step = WebAuthnFlows.post(ApiFlows.start(prefix, "registration"), null,
                Json.createObjectBuilder().add("method", "passkey").add("traits", traits).build()).jsonObject();
        JsonObject created = options(step, "passkey_create_data");
        JsonObject registered = WebAuthnFlows.post(step, null, Json.createObjectBuilder().add("method", "passkey").add("traits", traits)
                .add("passkey_register", authenticator.register(rpId(created), origin(), challenge(created), UP_AND_UV)).build()).jsonObject();
        return new PasskeyUser(registered.getJsonObject("identity").getString("id"), registered.getString("session_token"),
                WebAuthnFlows.userHandle(created));
    }

    private static long count(String identity, String type, String method) {
        return ServerLog.records().stream().filter(r -> "gatehouse.security".equals(r.getString("module", ""))
                && matches(read(r.getString("message", "{}")), identity, type, method)).count();
    }

    /** The security event {@code type} about {@code identity} by {@code method}, as the log wrote it. */
    private static JsonObject event(String identity, String type, String method) {
        Optional<JsonObject> found = ServerLog.await(r -> "gatehouse.security".equals(r.getString("module", ""))
                && matches(read(r.getString("message", "{}")), identity, type, method));
        return read(found.orElseThrow(() -> new AssertionError("no " + type + " of " + method + " for " + identity))
                .getString("message"));
    }

    private static boolean matches(JsonObject e, String identity, String type, String method) {
        return type.equals(e.getString("event", "")) && identity.equals(e.getString("subject", ""))
                && e.containsKey("details") && method.equals(e.getJsonObject("details").getString("method", ""));
    }

    private static JsonObject read(String json) {
        if (!json.startsWith("{")) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }

    @Test
    void totpWhenEnrolledRefusedUsedAndUnlinkedThenOneEventEach() {
        String email = email();
        AppEnrolment.Enrolled app = AppEnrolment.signUpWithApp(email, PASSWORD);
        String token = passwordSession(email);
        Totp totp = new Totp();
        String right = totp.code(app.secret(), Totp.step(Instant.now()) + 1);
        String wrong = right.equals("000000") ? "111111" : "000000";

        assertEquals(400, raise(token, "{\"method\":\"totp\",\"totp_code\":\"" + wrong + "\"}").status());
        assertEquals(200, raise(token, "{\"method\":\"totp\",\"totp_code\":\"" + right + "\"}").status());
        assertEquals(200, post(settings(token), token, "{\"method\":\"totp\",\"totp_unlink\":true}").status());

        assertEquals("success", event(app.identityId(), "credential_enrolled", "totp").getString("outcome"));
        JsonObject failed = event(app.identityId(), "credential_failed", "totp");
        assertEquals("failure", failed.getString("outcome"));
        assertEquals("wrong_code", failed.getJsonObject("details").getString("reason"));
        assertEquals("aal2", event(app.identityId(), "credential_used", "totp").getJsonObject("details").getString("aal"));
        assertEquals(app.identityId(), event(app.identityId(), "credential_removed", "totp").getString("actor"));
        assertEquals("aal1", event(app.identityId(), "credential_used", "password").getJsonObject("details").getString("aal"));
    }

    @Test
    void lookupSecretWhenConfirmedRefusedUsedAndDisabledThenOneEventEach() {
        String email = email();
        Http.Response registered = ApiFlows.register("", email, PASSWORD);
        String identity = registered.jsonObject().getJsonObject("identity").getString("id");
        String first = registered.jsonObject().getString("session_token");
        Http.Response generated = post(settings(first), first, "{\"method\":\"lookup_secret\",\"lookup_secret_regenerate\":true}");
        assertEquals(200, generated.status(), generated.toString());
        List<String> codes = generated.jsonObject().getJsonObject("ui").getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .filter(n -> "lookup_secret_codes".equals(n.getJsonObject("attributes").getString("id", ""))).findFirst().orElseThrow()
                .getJsonObject("attributes").getJsonObject("text").getJsonObject("context").getJsonArray("secrets")
                .getValuesAs(JsonObject.class).stream().map(s -> s.getString("text")).toList();
        assertEquals(200, post(generated.jsonObject(), first, "{\"lookup_secret_confirm\":true}").status());
        String token = passwordSession(email);

        assertEquals(400, raise(token, "{\"method\":\"lookup_secret\",\"lookup_secret\":\"zzzzzzzz\"}").status());
        assertEquals(200, raise(token, "{\"method\":\"lookup_secret\",\"lookup_secret\":\"" + codes.get(0) + "\"}").status());
        assertEquals(200, post(settings(token), token, "{\"lookup_secret_disable\":true}").status());

        assertEquals(identity, event(identity, "credential_enrolled", "lookup_secret").getString("actor"));
        assertEquals("failure", event(identity, "credential_failed", "lookup_secret").getString("outcome"));
        assertEquals("aal2", event(identity, "credential_used", "lookup_secret").getJsonObject("details").getString("aal"));
        assertEquals("success", event(identity, "credential_removed", "lookup_secret").getString("outcome"));
        assertEquals("password", event(identity, "credential_enrolled", "password").getJsonObject("details").getString("method"));
    }

    @Test
    void webauthnWhenKeyAddedRefusedUsedAndRemovedThenOneEventEach() {
        String email = email();
        String identity = ApiFlows.register("", email, PASSWORD).jsonObject().getJsonObject("identity").getString("id");
        String token = passwordSession(email);
        SoftwareAuthenticator key = new SoftwareAuthenticator();
        JsonObject flow = settings(token);
        JsonObject created = options(flow, "webauthn_register_trigger");
        assertEquals(200, WebAuthnFlows.post(flow, token, Json.createObjectBuilder().add("method", "webauthn")
                .add("webauthn_register_displayname", "Key")
                .add("webauthn_register", key.register(rpId(created), origin(), challenge(created), SoftwareAuthenticator.UP)).build())
                .status());
        String next = passwordSession(email);

        JsonObject refused = WebAuthnFlows.raiseFlow("", next);
        JsonObject o = options(refused, "webauthn_login_trigger");
        assertEquals(400, WebAuthnFlows.post(refused, next, Json.createObjectBuilder().add("method", "webauthn")
                .add("webauthn_login", key.authenticate("evil.example", origin(), challenge(o), SoftwareAuthenticator.UP, null)).build())
                .status());
        JsonObject raised = WebAuthnFlows.raiseFlow("", next);
        JsonObject o2 = options(raised, "webauthn_login_trigger");
        assertEquals(200, WebAuthnFlows.post(raised, next, Json.createObjectBuilder().add("method", "webauthn")
                .add("webauthn_login", key.authenticate(rpId(o2), origin(), challenge(o2), SoftwareAuthenticator.UP, null)).build())
                .status());
        assertEquals(200, WebAuthnFlows.post(settings(next), next, Json.createObjectBuilder()
                .add("webauthn_remove", HexFormat.of().formatHex(key.credentialId())).build()).status());

        assertEquals(identity, event(identity, "credential_enrolled", "webauthn").getString("actor"));
        assertEquals("rp_id_mismatch", event(identity, "credential_failed", "webauthn").getJsonObject("details").getString("reason"));
        assertEquals("aal2", event(identity, "credential_used", "webauthn").getJsonObject("details").getString("aal"));
        assertEquals(identity, event(identity, "credential_removed", "webauthn").getString("actor"));
    }

    @Test
    void passkeyWhenRegisteredAddedRefusedUsedAndRemovedThenOneEventEach() {
        String prefix = passkeyTenant();
        SoftwareAuthenticator first = new SoftwareAuthenticator();
        PasskeyUser user = passkeySignUp(prefix, first);
        byte[] handle = user.handle();
        String identity = user.identity();
        String token = user.token();
        assertEquals(identity, event(identity, "credential_enrolled", "passkey").getString("actor"));

        SoftwareAuthenticator second = new SoftwareAuthenticator();
        JsonObject flow = WebAuthnFlows.settings(prefix, token).jsonObject();
        JsonObject more = options(flow, "passkey_create_data");
        Http.Response added = WebAuthnFlows.post(flow, token, Json.createObjectBuilder()
                .add("passkey_settings_register", second.register(rpId(more), origin(), challenge(more), UP_AND_UV)).build());
        assertEquals(200, added.status(), added.toString());
        JsonObject login = ApiFlows.start(prefix, "login");
        JsonObject o = options(login, "passkey_challenge");
        assertEquals(400, WebAuthnFlows.post(login, null, Json.createObjectBuilder().add("method", "passkey")
                .add("passkey_login", second.authenticate(rpId(o), "https://evil.example", challenge(o), UP_AND_UV, handle)).build()).status());
        JsonObject again = ApiFlows.start(prefix, "login");
        JsonObject o2 = options(again, "passkey_challenge");
        assertEquals(200, WebAuthnFlows.post(again, null, Json.createObjectBuilder().add("method", "passkey")
                .add("passkey_login", second.authenticate(rpId(o2), origin(), challenge(o2), UP_AND_UV, handle)).build()).status());
        assertEquals(200, WebAuthnFlows.post(added.jsonObject(), token, Json.createObjectBuilder()
                .add("passkey_remove", HexFormat.of().formatHex(first.credentialId())).build()).status());

        assertEquals("origin_mismatch", event(identity, "credential_failed", "passkey").getJsonObject("details").getString("reason"));
        assertEquals("aal1", event(identity, "credential_used", "passkey").getJsonObject("details").getString("aal"));
        assertEquals(identity, event(identity, "credential_removed", "passkey").getString("actor"));
        assertEquals(2L, count(identity, "credential_enrolled", "passkey"),
                "one for the sign-up, one for the passkey added in settings");
    }

    @Test
    void passwordWhenFirstSetByAPasskeyUserThenEnrolledOnceAndAChangeIsNoEnrolment() {
        String prefix = passkeyTenant();
        PasskeyUser user = passkeySignUp(prefix, new SoftwareAuthenticator());

        for (String password : List.of(PASSWORD, PASSWORD + " changed")) {
            Http.Response set = WebAuthnFlows.post(WebAuthnFlows.settings(prefix, user.token()).jsonObject(), user.token(),
                    Json.createObjectBuilder().add("method", "password").add("password", password).build());
            assertEquals(200, set.status(), set.toString());
        }

        assertEquals(user.identity(), event(user.identity(), "credential_enrolled", "password").getString("actor"));
        assertEquals(1L, count(user.identity(), "credential_enrolled", "password"), "the change is a settings change, not an enrolment");
    }
}
