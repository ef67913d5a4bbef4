package dev.gatehouse.it.selfservice;

import dev.gatehouse.credential.totp.Totp;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.ServerLog;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each second factor's life as the security log tells it: set up ({@code credential_enrolled}), refused
 * ({@code credential_failed}), used ({@code credential_used}) and removed ({@code credential_removed}), each naming
 * the method, for an authenticator app and for recovery codes, driven over the API flows as an app would.
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
}
