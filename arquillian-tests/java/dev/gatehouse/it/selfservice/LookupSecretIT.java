package dev.gatehouse.it.selfservice;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;

import static dev.gatehouse.it.selfservice.ApiFlows.login;
import static dev.gatehouse.it.selfservice.ApiFlows.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code lookup_secret} method over the API flows: generate and confirm backup recovery codes in settings,
 * raise a password session to aal2 with one, and see that a code works once and a new set replaces the old one.
 */
@ExtendWith(ItServerReady.class)
class LookupSecretIT {

    private static final String PASSWORD = "lookup test passphrase 5";

    private static Http.Response post(JsonObject flow, String token, String json) {
        return ApiFlows.submit(flow, token, json);
    }

    private static JsonObject settings(String token) {
        return ApiFlows.settings(token);
    }

    private static List<JsonObject> nodes(JsonObject flow) {
        return flow.getJsonObject("ui").getJsonArray("nodes").getValuesAs(JsonObject.class);
    }

    private static boolean hasNode(JsonObject flow, String name) {
        return nodes(flow).stream().anyMatch(n -> name.equals(n.getJsonObject("attributes").getString("name",
                n.getJsonObject("attributes").getString("id", ""))));
    }

    /** Regenerates and confirms; returns the codes shown. */
    private static List<String> newCodes(String token) {
        Http.Response generated = post(settings(token), token, "{\"method\":\"lookup_secret\",\"lookup_secret_regenerate\":true}");
        assertEquals(200, generated.status(), generated.toString());
        JsonObject codesNode = nodes(generated.jsonObject()).stream()
                .filter(n -> "lookup_secret_codes".equals(n.getJsonObject("attributes").getString("id", ""))).findFirst().orElseThrow();
        assertEquals("text", codesNode.getString("type"));
        List<String> codes = codesNode.getJsonObject("attributes").getJsonObject("text").getJsonObject("context")
                .getJsonArray("secrets").getValuesAs(JsonObject.class).stream().map(s -> s.getString("text")).toList();
        assertEquals(12, codes.size());

        Http.Response confirmed = post(generated.jsonObject(), token, "{\"lookup_secret_confirm\":true}");

        assertEquals(200, confirmed.status(), confirmed.toString());
        assertEquals("success", confirmed.jsonObject().getString("state"));
        assertTrue(hasNode(confirmed.jsonObject(), "lookup_secret_reveal"));
        assertFalse(confirmed.body().contains(codes.get(0)), "codes are shown once");
        return codes;
    }

    private static String passwordSession(String email) {
        Http.Response r = login("", email, PASSWORD);
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject().getString("session_token");
    }

    private static Http.Response raise(String token, String code) {
        Http.Response started = Http.get("/self-service/login/api?aal=aal2").header("X-Session-Token", token).send();
        assertEquals(200, started.status(), started.toString());
        assertTrue(hasNode(started.jsonObject(), "lookup_secret"), started.toString());
        return post(started.jsonObject(), token, "{\"method\":\"lookup_secret\",\"lookup_secret\":\"" + code + "\"}");
    }

    private static int errorOnField(Http.Response r) {
        return nodes(r.jsonObject()).stream().filter(n -> "lookup_secret".equals(n.getJsonObject("attributes").getString("name", "")))
                .findFirst().orElseThrow().getJsonArray("messages").getJsonObject(0).getInt("id");
    }

    @Test
    void lookupWhenCodeUsedThenAal2OnceAndRefusedAgain() {
        String email = "lookup-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        List<String> codes = newCodes(register("", email, PASSWORD).jsonObject().getString("session_token"));
        String first = passwordSession(email);

        Http.Response ok = raise(first, codes.get(0));

        assertEquals(200, ok.status(), ok.toString());
        JsonObject session = ApiFlows.whoami("", first).jsonObject();
        assertEquals("aal2", session.getString("authenticator_assurance_level"));
        assertEquals(List.of("password", "lookup_secret"), session.getJsonArray("authentication_methods")
                .getValuesAs(JsonObject.class).stream().map(m -> m.getString("method")).toList());
        String second = passwordSession(email);
        Http.Response again = raise(second, codes.get(0));
        assertEquals(400, again.status(), again.toString());
        assertEquals(4000012, errorOnField(again));
        assertEquals("session_aal2_required", ApiFlows.whoami("", second).jsonObject().getJsonObject("error").getString("id"),
                "still aal1: whoami asks for the second factor");
    }

    @Test
    void lookupWhenRegeneratedThenOldCodesInvalidAndCountShown() {
        String email = "lookup-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String token = register("", email, PASSWORD).jsonObject().getString("session_token");
        List<String> old = newCodes(token);
        List<String> fresh = newCodes(token);
        String signedIn = passwordSession(email);

        Http.Response refused = raise(signedIn, old.get(1));
        Http.Response accepted = raise(signedIn, fresh.get(1));

        assertEquals(400, refused.status(), refused.toString());
        assertEquals(4000016, errorOnField(refused));
        assertEquals(200, accepted.status(), accepted.toString());
        Http.Response revealed = post(settings(token), token, "{\"lookup_secret_reveal\":true}");
        assertEquals(200, revealed.status(), revealed.toString());
        assertTrue(revealed.body().contains("11 of 12 backup recovery codes left."), revealed.toString());
    }

    @Test
    void lookupWhenFiveGuessesThenLockedEvenForAnUnusedCodeWhichStaysUnspent() {
        String email = "lookup-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        Http.Response registered = register("", email, PASSWORD);
        String identityId = registered.jsonObject().getJsonObject("identity").getString("id");
        List<String> codes = newCodes(registered.jsonObject().getString("session_token"));
        String token = passwordSession(email);
        for (int i = 0; i < 5; i++) {
            Http.Response guessed = raise(token, "zz" + i + "zz" + i + "zz");
            assertEquals(400, guessed.status(), guessed.toString());
            assertEquals(4000016, errorOnField(guessed));
        }

        Http.Response locked = raise(token, codes.get(0));

        assertEquals(400, locked.status(), locked.toString());
        assertEquals("session_aal2_required", ApiFlows.whoami("", token).jsonObject().getJsonObject("error").getString("id"),
                "still aal1 while the second factors are locked");
        assertEquals(204, Http.method("DELETE", "/admin/lockouts?subject=" + identityId).admin().send().status());
        Http.Response unlocked = raise(token, codes.get(0));
        assertEquals(200, unlocked.status(), "the code refused under the lock was not spent: " + unlocked);
    }
}
