package dev.gatehouse.it.selfservice;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static dev.gatehouse.it.selfservice.ApiFlows.login;
import static dev.gatehouse.it.selfservice.ApiFlows.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings flow for native apps: profile and password changes with the session token. */
@ExtendWith(ItServerReady.class)
class SettingsApiIT {

    private static final String PASSWORD = "settings test passphrase 1";

    private static JsonObject start(String token) {
        Http.Response r = Http.get("/self-service/settings/api").header("X-Session-Token", token).send();
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject();
    }

    private static Http.Response submit(JsonObject flow, String token, String json) {
        String action = flow.getJsonObject("ui").getString("action");
        return Http.post(action.substring(action.indexOf("/", action.indexOf("//") + 2))).header("X-Session-Token", token)
                .json(json).send();
    }

    @Test
    void settingsWhenPasswordChangedThenOldFailsNewWorks() {
        String email = "settings-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String token = register("", email, PASSWORD).jsonObject().getString("session_token");
        JsonObject flow = start(token);
        assertEquals(email, flow.getJsonObject("identity").getJsonObject("traits").getString("email"));

        Http.Response r = submit(flow, token, "{\"method\":\"password\",\"password\":\"a brand new passphrase 2\"}");

        assertEquals(200, r.status(), r.toString());
        assertEquals("success", r.jsonObject().getString("state"));
        assertEquals(1050001, r.jsonObject().getJsonObject("ui").getJsonArray("messages").getJsonObject(0).getInt("id"));
        assertEquals(400, login("", email, PASSWORD).status());
        assertEquals(200, login("", email, "a brand new passphrase 2").status());
    }

    @Test
    void settingsWhenWeakPasswordOrBadTraitsThenMessagesAndNothingChanged() {
        String email = "settings-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String token = register("", email, PASSWORD).jsonObject().getString("session_token");

        Http.Response weak = submit(start(token), token, "{\"method\":\"password\",\"password\":\"password\"}");
        Http.Response bad = submit(start(token), token, "{\"method\":\"profile\",\"traits\":{\"email\":\"not-an-email\"}}");

        assertEquals(400, weak.status(), weak.toString());
        assertEquals(400, bad.status(), bad.toString());
        assertEquals(200, login("", email, PASSWORD).status());
        assertEquals(email, ApiFlows.whoami("", token).jsonObject().getJsonObject("identity").getJsonObject("traits").getString("email"));
    }

    @Test
    void settingsWhenProfileChangedThenTraitsUpdated() {
        String email = "settings-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String token = register("", email, PASSWORD).jsonObject().getString("session_token");

        Http.Response r = submit(start(token), token, "{\"method\":\"profile\",\"traits\":{\"email\":\"" + email
                + "\",\"name\":{\"first\":\"Renamed\",\"last\":\"Person\"}}}");

        assertEquals(200, r.status(), r.toString());
        assertEquals("Renamed", ApiFlows.whoami("", token).jsonObject().getJsonObject("identity").getJsonObject("traits")
                .getJsonObject("name").getString("first"));
    }

    @Test
    void settingsWhenNoSessionOrSomeoneElsesFlowThenRefused() {
        assertEquals(401, Http.get("/self-service/settings/api").send().status());
        String a = register("", "sa-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test", PASSWORD)
                .jsonObject().getString("session_token");
        String b = register("", "sb-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test", PASSWORD)
                .jsonObject().getString("session_token");
        JsonObject flowOfA = start(a);

        Http.Response r = submit(flowOfA, b, "{\"method\":\"password\",\"password\":\"hijacked passphrase 99\"}");

        assertEquals(404, r.status(), r.toString());
        assertTrue(r.body().contains("self_service_flow_not_found"));
    }
}
