package dev.gatehouse.it.selfservice;

import dev.gatehouse.it.support.Http;
import jakarta.json.JsonObject;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Native-app (API) flow steps over the wire, as an Ory SDK would make them. */
public final class ApiFlows {

    private ApiFlows() {
    }

    public static JsonObject start(String prefix, String kind) {
        Http.Response r = Http.get(prefix + "/self-service/" + kind + "/api").send();
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject();
    }

    /** Posts JSON to the flow's ui.action (made relative to the test server). */
    public static Http.Response submit(JsonObject flow, String json) {
        String action = flow.getJsonObject("ui").getString("action");
        return Http.post(action.substring(action.indexOf("/", action.indexOf("//") + 2))).json(json).send();
    }

    /** Posts JSON to the flow's ui.action as the holder of the session {@code token} (an app's X-Session-Token). */
    public static Http.Response submit(JsonObject flow, String token, String json) {
        String action = flow.getJsonObject("ui").getString("action");
        return Http.post(action.substring(action.indexOf("/", action.indexOf("//") + 2))).header("X-Session-Token", token)
                .json(json).send();
    }

    /** A new settings flow for the holder of the session {@code token}. */
    public static JsonObject settings(String token) {
        Http.Response r = Http.get("/self-service/settings/api").header("X-Session-Token", token).send();
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject();
    }

    public static Http.Response register(String prefix, String email, String password) {
        return submit(start(prefix, "registration"), "{\"method\":\"password\",\"password\":\"" + password
                + "\",\"traits\":{\"email\":\"" + email + "\",\"name\":{\"first\":\"Test\",\"last\":\"User\"}}}");
    }

    public static Http.Response login(String prefix, String identifier, String password) {
        return submit(start(prefix, "login"), "{\"method\":\"password\",\"identifier\":\"" + identifier
                + "\",\"password\":\"" + password + "\"}");
    }

    public static Http.Response whoami(String prefix, String token) {
        return Http.get(prefix + "/sessions/whoami").header("X-Session-Token", token).send();
    }
}
