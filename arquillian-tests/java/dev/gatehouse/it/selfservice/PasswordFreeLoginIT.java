package dev.gatehouse.it.selfservice;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.TestTenants;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.util.List;

import static dev.gatehouse.it.selfservice.CodeFlows.courierAvailable;
import static dev.gatehouse.it.selfservice.CodeFlows.email;
import static dev.gatehouse.it.selfservice.CodeFlows.sentCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A tenant with {@code selfservice.login.password-free} over the API flows: sign-in is identifier first (Kratos'
 * {@code identifier_first} method), then the code; no password is offered or accepted, on sign-in or sign-up, even
 * the right password of an identity that has one. Other tenants keep the password.
 */
@ExtendWith(ItServerReady.class)
class PasswordFreeLoginIT {

    private static String passwordFreeTenant() {
        String tenant = TestTenants.create("nopass");
        Http.Response set = Http.method("PATCH", "/admin/tenants/" + tenant + "/settings").admin()
                .json("{\"selfservice.login.password-free\": true}").send();
        assertEquals(200, set.status(), set.toString());
        return "/t/" + tenant;
    }

    /** Each node as {@code group:name:type}. */
    private static List<String> nodes(JsonObject flow) {
        return flow.getJsonObject("ui").getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .map(n -> n.getString("group") + ":" + n.getJsonObject("attributes").getString("name") + ":"
                        + n.getJsonObject("attributes").getString("type")).toList();
    }

    private static String traits(String email) {
        return "{\"email\":\"" + email + "\",\"name\":{\"first\":\"Grace\"}}";
    }

    private static String firstMessage(Http.Response r) {
        return r.jsonObject().getJsonObject("ui").getJsonArray("messages").getJsonObject(0).getString("text");
    }

    @Test
    void loginWhenTenantIsPasswordFreeThenIdentifierFirstThenTheCodeSignsIn() throws SQLException {
        assumeTrue(courierAvailable(), "the courier is not deployed: no mailed code to read");
        String prefix = passwordFreeTenant();
        String address = email("nopass");
        JsonObject signUp = ApiFlows.start(prefix, "registration");
        assertFalse(nodes(signUp).stream().anyMatch(n -> n.contains(":password")), nodes(signUp).toString());
        assertEquals(200, ApiFlows.submit(signUp, "{\"method\":\"code\",\"traits\":" + traits(address) + "}").status());
        Http.Response registered = ApiFlows.submit(signUp, "{\"method\":\"code\",\"traits\":" + traits(address)
                + ",\"code\":\"" + sentCode(address).orElseThrow() + "\"}");
        assertEquals(200, registered.status(), registered.toString());

        JsonObject login = ApiFlows.start(prefix, "login");
        assertEquals(List.of("identifier_first:identifier:text", "identifier_first:method:submit"), nodes(login));
        Http.Response identified = ApiFlows.submit(login, "{\"method\":\"identifier_first\",\"identifier\":\"" + address + "\"}");
        assertEquals(400, identified.status(), "Kratos answers the next form as a 400: " + identified);
        assertEquals(List.of("identifier_first:identifier:hidden", "code:method:submit"), nodes(identified.jsonObject()));
        assertEquals("choose_method", identified.jsonObject().getString("state"));

        Http.Response sent = ApiFlows.submit(login, "{\"method\":\"code\",\"identifier\":\"" + address + "\"}");
        assertEquals(200, sent.status(), sent.toString());
        Http.Response signedIn = ApiFlows.submit(login, "{\"method\":\"code\",\"identifier\":\"" + address + "\",\"code\":\""
                + sentCode(address).orElseThrow() + "\"}");
        assertEquals(200, signedIn.status(), signedIn.toString());
        assertEquals(200, ApiFlows.whoami(prefix, signedIn.jsonObject().getString("session_token")).status());
    }

    @Test
    void passwordWhenTenantTurnsPasswordFreeThenEvenTheRightPasswordIsRefusedAndOtherTenantsKeepIt() {
        String tenant = TestTenants.create("turned");
        String prefix = "/t/" + tenant;
        String address = email("turned");
        CodeFlows.registered(prefix, address);
        assertEquals(200, ApiFlows.login(prefix, address, CodeFlows.PASSWORD).status(), "the password works before");
        assertEquals(200, Http.method("PATCH", "/admin/tenants/" + tenant + "/settings").admin()
                .json("{\"selfservice.login.password-free\": \"true\"}").send().status());

        Http.Response refused = ApiFlows.login(prefix, address, CodeFlows.PASSWORD);
        Http.Response signUp = ApiFlows.register(prefix, email("turned"), CodeFlows.PASSWORD);

        assertEquals(400, refused.status(), refused.toString());
        assertFalse(refused.body().contains("session_token"));
        assertEquals("The sign-in method password is not available.", firstMessage(refused));
        assertEquals(400, signUp.status(), signUp.toString());
        assertEquals("This sign-up method is not available.", firstMessage(signUp));
        JsonObject elsewhere = ApiFlows.start("", "login");
        assertEquals(List.of("default:identifier:text", "password:password:password", "password:method:submit",
                "code:method:submit"), nodes(elsewhere));
        String other = email("other");
        CodeFlows.registered("", other);
        assertEquals(200, ApiFlows.login("", other, CodeFlows.PASSWORD).status(), "the default tenant keeps passwords");
    }

    @Test
    void identifierFirstWhenIdentifierMissingThenRequiredOnTheIdentifier() {
        String prefix = passwordFreeTenant();
        JsonObject login = ApiFlows.start(prefix, "login");

        Http.Response r = ApiFlows.submit(login, "{\"method\":\"identifier_first\"}");

        assertEquals(400, r.status(), r.toString());
        JsonObject identifier = r.jsonObject().getJsonObject("ui").getJsonArray("nodes").getJsonObject(0);
        assertEquals("text", identifier.getJsonObject("attributes").getString("type"));
        assertEquals(4000002, identifier.getJsonArray("messages").getJsonObject(0).getInt("id"));
    }
}
