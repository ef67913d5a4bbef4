package dev.gatehouse.it.selfservice;

import dev.gatehouse.credential.webauthn.Challenge;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.io.StringReader;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Steps of the {@code webauthn} and {@code passkey} methods over the API flows, as an app drives them: read the
 * options a node carries, let a {@link dev.gatehouse.credential.webauthn.SoftwareAuthenticator} answer, post the
 * answer. The page the options are used from is the server's public origin.
 */
final class WebAuthnFlows {

    private WebAuthnFlows() {
    }

    /** The origin browsers call WebAuthn from: the server's public base URL. */
    static String origin() {
        String base = ItServer.get().baseUrl();
        int path = base.indexOf('/', base.indexOf("//") + 2);
        return path < 0 ? base : base.substring(0, path);
    }

    static JsonObject node(JsonObject flow, String name) {
        return nodes(flow, name).stream().findFirst().orElseThrow(() -> new AssertionError("no node " + name + " in " + flow));
    }

    static List<JsonObject> nodes(JsonObject flow, String name) {
        return flow.getJsonObject("ui").getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .filter(n -> name.equals(n.getJsonObject("attributes").getString("name", n.getJsonObject("attributes").getString("id", ""))))
                .toList();
    }

    /** The {@code publicKey} options in a node's value (a trigger's, or {@code passkey_create_data}'s credentialOptions). */
    static JsonObject options(JsonObject flow, String name) {
        JsonObject value = Json.createReader(new StringReader(node(flow, name).getJsonObject("attributes").getString("value"))).readObject();
        return (value.containsKey("credentialOptions") ? value.getJsonObject("credentialOptions") : value).getJsonObject("publicKey");
    }

    static Challenge challenge(JsonObject options) {
        return Challenge.parse(options.getString("challenge"));
    }

    static String rpId(JsonObject options) {
        return options.containsKey("rpId") ? options.getString("rpId") : options.getJsonObject("rp").getString("id");
    }

    static byte[] userHandle(JsonObject creationOptions) {
        return Base64.getUrlDecoder().decode(creationOptions.getJsonObject("user").getString("id"));
    }

    /** Posts JSON to the flow's action with the session token (none if null). */
    static Http.Response post(JsonObject flow, String token, JsonObject body) {
        String action = flow.getJsonObject("ui").getString("action");
        Http http = Http.post(action.substring(action.indexOf("/", action.indexOf("//") + 2)));
        if (token != null) {
            http.header("X-Session-Token", token);
        }
        return http.json(body.toString()).send();
    }

    static Http.Response settings(String prefix, String token) {
        return Http.get(prefix + "/self-service/settings/api").header("X-Session-Token", token).send();
    }

    static JsonObject raiseFlow(String prefix, String token) {
        Http.Response r = Http.get(prefix + "/self-service/login/api?aal=aal2").header("X-Session-Token", token).send();
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject();
    }

    /** The ids of the messages on the whole form. */
    static List<Long> messageIds(JsonObject flow) {
        return flow.getJsonObject("ui").getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getJsonNumber("id").longValue()).toList();
    }

    static List<String> methods(JsonObject session) {
        return session.getJsonArray("authentication_methods").getValuesAs(JsonObject.class).stream().map(m -> m.getString("method")).toList();
    }

    static List<String> values(JsonObject flow, String name) {
        return nodes(flow, name).stream().map(n -> n.getJsonObject("attributes").get("value"))
                .map(v -> ((JsonString) v).getString()).toList();
    }
}
