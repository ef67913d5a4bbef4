package dev.gatehouse.it.selfservice;

import dev.gatehouse.credential.totp.Totp;
import dev.gatehouse.credential.totp.TotpSecret;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.ServerLog;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.UUID;

import static dev.gatehouse.it.selfservice.ApiFlows.login;
import static dev.gatehouse.it.selfservice.ApiFlows.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code totp} method over the API flows, as an Ory SDK drives it: enrol in settings with a code computed
 * from the secret the flow shows, sign in with a password (aal1), then raise that session to aal2 with a code.
 */
@ExtendWith(ItServerReady.class)
class TotpLoginIT {

    private static final String PASSWORD = "totp test passphrase 3";
    private static final Totp TOTP = new Totp();

    private record Enrolled(String email, String identityId, TotpSecret secret) {
    }

    private static String email() {
        return "totp-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    private static Http.Response post(JsonObject flow, String token, String json) {
        String action = flow.getJsonObject("ui").getString("action");
        return Http.post(action.substring(action.indexOf("/", action.indexOf("//") + 2))).header("X-Session-Token", token)
                .json(json).send();
    }

    private static JsonObject node(JsonObject flow, String name) {
        return flow.getJsonObject("ui").getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .filter(n -> name.equals(n.getJsonObject("attributes").getString("name", n.getJsonObject("attributes").getString("id", ""))))
                .findFirst().orElseThrow(() -> new AssertionError("no node " + name + " in " + flow));
    }

    private static String code(TotpSecret secret, long stepsAhead) {
        return TOTP.code(secret, Totp.step(Instant.now()) + stepsAhead);
    }

    /** Signs up and enrols an authenticator app in settings (the enrolment uses the current step's code). */
    private static Enrolled enrolled() {
        String email = email();
        JsonObject signedUp = register("", email, PASSWORD).jsonObject();
        String token = signedUp.getString("session_token");
        Http.Response started = Http.get("/self-service/settings/api").header("X-Session-Token", token).send();
        assertEquals(200, started.status(), started.toString());
        JsonObject flow = started.jsonObject();
        JsonObject qr = node(flow, "totp_qr");
        assertEquals("img", qr.getString("type"));
        assertTrue(qr.getJsonObject("attributes").getString("src").startsWith("data:image/svg+xml"));
        JsonObject secretNode = node(flow, "totp_secret_key");
        assertEquals("text", secretNode.getString("type"));
        TotpSecret secret = TotpSecret.parse(secretNode.getJsonObject("attributes").getJsonObject("text")
                .getJsonObject("context").getString("secret"));

        Http.Response saved = post(flow, token, "{\"method\":\"totp\",\"totp_code\":\"" + code(secret, 0) + "\"}");

        assertEquals(200, saved.status(), saved.toString());
        assertEquals("success", saved.jsonObject().getString("state"));
        node(saved.jsonObject(), "totp_unlink");
        return new Enrolled(email, signedUp.getJsonObject("identity").getString("id"), secret);
    }

    private static JsonObject raiseFlow(String token) {
        Http.Response r = Http.get("/self-service/login/api?aal=aal2").header("X-Session-Token", token).send();
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject();
    }

    private static String passwordSession(String email) {
        Http.Response r = login("", email, PASSWORD);
        assertEquals(200, r.status(), r.toString());
        assertEquals("aal1", r.jsonObject().getJsonObject("session").getString("authenticator_assurance_level"));
        return r.jsonObject().getString("session_token");
    }

    @Test
    void loginWhenAal2WithTotpCodeThenSameSessionAal2WithBothMethods() {
        Enrolled who = enrolled();
        String token = passwordSession(who.email());
        JsonObject flow = raiseFlow(token);
        assertEquals("aal2", flow.getString("requested_aal"));
        assertEquals(1010004, flow.getJsonObject("ui").getJsonArray("messages").getJsonObject(0).getInt("id"));
        node(flow, "totp_code");

        // the current step was used to enrol: the next one is within the window and not yet used
        Http.Response r = post(flow, token, "{\"method\":\"totp\",\"totp_code\":\"" + code(who.secret(), 1) + "\"}");

        assertEquals(200, r.status(), r.toString());
        assertEquals(token, r.jsonObject().getString("session_token"));
        JsonObject session = ApiFlows.whoami("", token).jsonObject();
        assertEquals("aal2", session.getString("authenticator_assurance_level"));
        JsonArray methods = session.getJsonArray("authentication_methods");
        assertEquals(List.of("password", "totp"), methods.getValuesAs(JsonObject.class).stream().map(m -> m.getString("method")).toList());
        assertEquals(List.of("aal1", "aal2"), methods.getValuesAs(JsonObject.class).stream().map(m -> m.getString("aal")).toList());
        Http.Response again = Http.get("/self-service/login/api?aal=aal2").header("X-Session-Token", token).send();
        assertEquals(400, again.status(), again.toString());
        assertTrue(again.body().contains("session_already_available"));
    }

    @Test
    void loginWhenCodeReplayedThenRefused() {
        Enrolled who = enrolled();
        String first = passwordSession(who.email());
        String code = code(who.secret(), 1);
        assertEquals(200, post(raiseFlow(first), first, "{\"method\":\"totp\",\"totp_code\":\"" + code + "\"}").status());
        String second = passwordSession(who.email());

        Http.Response replayed = post(raiseFlow(second), second, "{\"method\":\"totp\",\"totp_code\":\"" + code + "\"}");
        Http.Response enrolmentCode = post(raiseFlow(second), second, "{\"method\":\"totp\",\"totp_code\":\"" + code(who.secret(), 0) + "\"}");

        assertEquals(400, replayed.status(), replayed.toString());
        assertEquals(4000008, node(replayed.jsonObject(), "totp_code").getJsonArray("messages").getJsonObject(0).getInt("id"));
        assertEquals(400, enrolmentCode.status(), enrolmentCode.toString());
        assertEquals("session_aal2_required", ApiFlows.whoami("", second).jsonObject().getJsonObject("error").getString("id"),
                "still aal1: whoami asks for the second factor");
    }

    @Test
    void loginWhenFiveWrongCodesThenLockedEvenForTheRightOne() {
        Enrolled who = enrolled();
        String token = passwordSession(who.email());
        String right = code(who.secret(), 1);
        String wrong = right.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertEquals(400, post(raiseFlow(token), token, "{\"method\":\"totp\",\"totp_code\":\"" + wrong + "\"}").status());
        }

        Http.Response locked = post(raiseFlow(token), token, "{\"method\":\"totp\",\"totp_code\":\"" + right + "\"}");

        assertEquals(400, locked.status(), locked.toString());
        assertEquals("session_aal2_required", ApiFlows.whoami("", token).jsonObject().getJsonObject("error").getString("id"),
                "still aal1: whoami asks for the second factor");
        Http.Response locks = Http.get("/admin/lockouts?subject=" + who.identityId()).admin().send();
        assertTrue(locks.body().contains("second_factor"), locks.toString());
    }

    /** The {@code login_failed} events of an identity's second factor, as logged, by reason. */
    private static Map<String, Long> secondFactorFailures(String identityId, long atLeast) {
        for (int i = 0; i < 40; i++) {
            Map<String, Long> reasons = ServerLog.records().stream()
                    .filter(r -> r.getString("module", "").equals("gatehouse.security"))
                    .map(r -> {
                        try (JsonReader reader = Json.createReader(new StringReader(r.getString("message")))) {
                            return reader.readObject();
                        }
                    })
                    .filter(e -> e.getString("event", "").equals("login_failed") && identityId.equals(e.getString("subject", "")))
                    .collect(Collectors.groupingBy(e -> e.getJsonObject("details").getString("reason"), Collectors.counting()));
            if (reasons.values().stream().mapToLong(Long::longValue).sum() >= atLeast) {
                return reasons;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("fewer than " + atLeast + " second-factor failures logged for " + identityId);
    }

    @Test
    void loginWhenManyWrongCodesSentAtOnceThenOnlyFiveAreChecked() throws Exception {
        Enrolled who = enrolled();
        String token = passwordSession(who.email());
        String right = code(who.secret(), 1);
        String wrong = right.equals("000000") ? "111111" : "000000";
        List<JsonObject> flows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            flows.add(raiseFlow(token));
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (JsonObject flow : flows) {
                answers.add(pool.submit(() -> post(flow, token, "{\"method\":\"totp\",\"totp_code\":\"" + wrong + "\"}").status()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(400, answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, Long> reasons = secondFactorFailures(who.identityId(), 12);
        assertEquals(Map.of("wrong_code", 5L, "locked", 7L), reasons,
                "attempts sent together are counted before they are checked: five guesses, the rest refused unchecked");
    }

    @Test
    void loginWhenAal2WithoutSessionThenAal1Required() {
        Http.Response r = Http.get("/self-service/login/api?aal=aal2").send();

        assertEquals(401, r.status(), r.toString());
        assertEquals("session_aal1_required", r.jsonObject().getJsonObject("error").getString("id"));
    }
}
