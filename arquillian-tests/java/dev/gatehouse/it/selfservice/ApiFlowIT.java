package dev.gatehouse.it.selfservice;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static dev.gatehouse.it.selfservice.ApiFlows.login;
import static dev.gatehouse.it.selfservice.ApiFlows.register;
import static dev.gatehouse.it.selfservice.ApiFlows.start;
import static dev.gatehouse.it.selfservice.ApiFlows.submit;
import static dev.gatehouse.it.selfservice.ApiFlows.whoami;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registration, login, whoami and logout for native apps, in Kratos' JSON. */
@ExtendWith(ItServerReady.class)
class ApiFlowIT {

    static final String PASSWORD = "a very decent passphrase 42";

    static String email() {
        return "api-" + UUID.randomUUID().toString().substring(0, 10) + "@example.test";
    }

    @Test
    void loginFlowWhenStartedThenKratosShapeWithPasswordNodes() {
        JsonObject flow = start("", "login");

        assertEquals("api", flow.getString("type"));
        assertEquals("choose_method", flow.getString("state"));
        assertTrue(flow.getJsonObject("ui").getString("action").contains("/self-service/login?flow=" + flow.getString("id")));
        assertEquals("POST", flow.getJsonObject("ui").getString("method"));
        var names = flow.getJsonObject("ui").getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .map(n -> n.getJsonObject("attributes").getString("name")).toList();
        // the password method's submit, then the code method's ("Send sign in code")
        assertEquals(java.util.List.of("identifier", "password", "method", "method"), names);
        assertEquals(1010001, flow.getJsonObject("ui").getJsonArray("nodes").getJsonObject(2).getJsonObject("meta")
                .getJsonObject("label").getInt("id"));
        assertEquals(200, Http.get("/self-service/login/flows?id=" + flow.getString("id")).send().status());
    }

    @Test
    void registerThenLoginThenWhoamiThenLogoutThenTokenDead() {
        String email = email();

        Http.Response registered = register("", email, PASSWORD);
        assertEquals(200, registered.status(), registered.toString());
        String first = registered.jsonObject().getString("session_token");
        assertTrue(first.startsWith("ory_st_"));
        assertEquals(email, registered.jsonObject().getJsonObject("identity").getJsonObject("traits").getString("email"));

        Http.Response loggedIn = login("", email.toUpperCase(), PASSWORD);
        assertEquals(200, loggedIn.status(), loggedIn.toString());
        String token = loggedIn.jsonObject().getString("session_token");
        JsonObject session = loggedIn.jsonObject().getJsonObject("session");
        assertEquals("aal1", session.getString("authenticator_assurance_level"));
        assertEquals("password", session.getJsonArray("authentication_methods").getJsonObject(0).getString("method"));

        Http.Response me = whoami("", token);
        assertEquals(200, me.status(), me.toString());
        assertEquals(email, me.jsonObject().getJsonObject("identity").getJsonObject("traits").getString("email"));
        assertFalse(me.body().contains("metadata_admin") || me.body().contains("hashed_password"));
        assertEquals(200, Http.get("/sessions/whoami").header("Authorization", "Bearer " + token).send().status());

        assertEquals(204, Http.method("DELETE", "/self-service/logout/api").json("{\"session_token\":\"" + token + "\"}").send().status());
        assertEquals(401, whoami("", token).status());
        assertEquals(200, whoami("", first).status(), "the other session is untouched");
        assertEquals(403, Http.method("DELETE", "/self-service/logout/api").json("{\"session_token\":\"" + token + "\"}").send().status());
    }

    @Test
    void loginWhenWrongPasswordOrUnknownIdentifierThenSameMessageAndFlowAgain() {
        String email = email();
        register("", email, PASSWORD);

        Http.Response wrong = login("", email, "not the password at all");
        Http.Response unknown = login("", email(), PASSWORD);

        for (Http.Response r : new Http.Response[] {wrong, unknown}) {
            assertEquals(400, r.status(), r.toString());
            JsonObject ui = r.jsonObject().getJsonObject("ui");
            assertEquals(4000006, ui.getJsonArray("messages").getJsonObject(0).getInt("id"));
            assertFalse(r.body().contains("session_token"));
        }
        assertEquals(wrong.jsonObject().getJsonObject("ui").getJsonArray("messages"),
                unknown.jsonObject().getJsonObject("ui").getJsonArray("messages"));
    }

    @Test
    void registrationWhenTraitsOrPasswordBadThenMessagesOnTheFieldsAndNothingCreated() {
        String email = email();
        JsonObject flow = start("", "registration");

        Http.Response r = submit(flow, "{\"method\":\"password\",\"password\":\"short\",\"traits\":{\"email\":\"nope\"}}");

        assertEquals(400, r.status(), r.toString());
        var nodes = r.jsonObject().getJsonObject("ui").getJsonArray("nodes").getValuesAs(JsonObject.class);
        JsonObject emailNode = nodes.stream().filter(n -> n.getJsonObject("attributes").getString("name").equals("traits.email")).findFirst().orElseThrow();
        assertFalse(emailNode.getJsonArray("messages").isEmpty(), emailNode.toString());
        assertEquals("nope", emailNode.getJsonObject("attributes").getString("value"), "the typed value is kept");
        JsonObject passwordNode = nodes.stream().filter(n -> n.getJsonObject("attributes").getString("name").equals("password")).findFirst().orElseThrow();
        assertEquals(4000032, passwordNode.getJsonArray("messages").getJsonObject(0).getInt("id"), passwordNode.toString());
        assertFalse(passwordNode.getJsonObject("attributes").containsKey("value"), "a password is never echoed");
        assertEquals(400, login("", email, "short").status());
    }

    @Test
    void registrationWhenEmailTakenInAnyCaseThenDuplicateMessage() {
        String email = email();
        assertEquals(200, register("", email, PASSWORD).status());

        Http.Response again = register("", email.toUpperCase(), PASSWORD + "!");

        assertEquals(400, again.status(), again.toString());
        assertEquals(4000007, again.jsonObject().getJsonObject("ui").getJsonArray("messages").getJsonObject(0).getInt("id"));
    }

    @Test
    void submitWhenFlowUnknownOrMalformedThenKratosErrors() {
        Http.Response unknown = Http.post("/self-service/login?flow=" + UUID.randomUUID()).json("{}").send();
        assertEquals(404, unknown.status());
        assertEquals("self_service_flow_not_found", unknown.jsonObject().getJsonObject("error").getString("id"));
        assertEquals(404, Http.post("/self-service/login?flow=nope").json("{}").send().status());
        assertEquals(422, Http.post("/self-service/login").json("{}").send().status());
        JsonObject flow = start("", "login");
        assertEquals(415, submit(flow, "x").status() == 400 ? 415 : Http.post("/self-service/login?flow=" + flow.getString("id"))
                .body("text/plain", "identifier=x".getBytes()).send().status());
    }

    @Test
    void flowWhenUsedOnceThenSpent() {
        String email = email();
        register("", email, PASSWORD);
        JsonObject flow = start("", "login");
        String body = "{\"method\":\"password\",\"identifier\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";

        assertEquals(200, submit(flow, body).status());
        Http.Response replay = submit(flow, body);

        assertEquals(410, replay.status(), replay.toString());
    }

    @Test
    void flowWhenOfAnotherTenantThenNotFound() {
        JsonObject acmeFlow = start("/t/acme", "login");

        Http.Response r = Http.post("/self-service/login?flow=" + acmeFlow.getString("id"))
                .json("{\"identifier\":\"x@example.test\",\"password\":\"y\"}").send();

        assertEquals(404, r.status(), r.toString());
        assertTrue(acmeFlow.getJsonObject("ui").getString("action").contains("/t/acme/self-service/login"));
    }

    @Test
    void identityOfTenantAWhenLoggingInTenantBThenRefused() {
        String email = email();
        assertEquals(200, register("/t/acme", email, PASSWORD).status());

        assertEquals(400, login("", email, PASSWORD).status());
        Http.Response acme = login("/t/acme", email, PASSWORD);
        assertEquals(200, acme.status());
        assertEquals(401, whoami("", acme.jsonObject().getString("session_token")).status(), "an acme session is no session in default");
    }

    @Test
    void whoamiWhenNoOrGarbageTokenThen401() {
        assertEquals(401, Http.get("/sessions/whoami").send().status());
        assertEquals(401, whoami("", "ory_st_garbage").status());
        assertEquals(401, whoami("", "x".repeat(5000)).status());
    }
}
