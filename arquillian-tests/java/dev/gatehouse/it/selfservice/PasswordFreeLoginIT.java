package dev.gatehouse.it.selfservice;

import dev.gatehouse.credential.webauthn.SoftwareAuthenticator;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.TestTenants;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.util.List;

import static dev.gatehouse.it.selfservice.CodeFlows.courierAvailable;
import static dev.gatehouse.it.selfservice.CodeFlows.email;
import static dev.gatehouse.it.selfservice.CodeFlows.sentCode;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.challenge;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.options;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.origin;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.rpId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A tenant with {@code selfservice.login.password-free} over the API flows: sign-in is identifier first (Kratos'
 * {@code identifier_first} method), then the code; no password is offered or accepted, on sign-in or sign-up, even
 * the right password of an identity that has one, nor set in settings. With passkeys on, the first form offers a
 * passkey before any identifier is typed. Other tenants keep the password.
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

    @Test
    void passkeyWhenTenantIsPasswordFreeThenOfferedBeforeTheIdentifierAndSettingsHaveNoPassword() {
        String prefix = "/t/" + TestTenants.create("nopass-passkey",
                "{\"selfservice.login.password-free\": true, \"webauthn.passkey.enabled\": true}");
        byte verified = (byte) (SoftwareAuthenticator.UP | SoftwareAuthenticator.UV);
        SoftwareAuthenticator key = new SoftwareAuthenticator();
        JsonObject traits = Json.createObjectBuilder().add("email", email("nopass-passkey")).build();
        JsonObject step = WebAuthnFlows.post(ApiFlows.start(prefix, "registration"), null,
                Json.createObjectBuilder().add("method", "passkey").add("traits", traits).build()).jsonObject();
        JsonObject created = options(step, "passkey_create_data");
        byte[] handle = WebAuthnFlows.userHandle(created);
        Http.Response registered = WebAuthnFlows.post(step, null, Json.createObjectBuilder().add("method", "passkey").add("traits", traits)
                .add("passkey_register", key.register(rpId(created), origin(), challenge(created), verified)).build());
        assertEquals(200, registered.status(), registered.toString());
        String identity = registered.jsonObject().getJsonObject("identity").getString("id");

        JsonObject login = ApiFlows.start(prefix, "login");
        assertEquals(List.of("identifier_first:identifier:text", "identifier_first:method:submit", "passkey:passkey_challenge:hidden",
                "passkey:passkey_login:hidden", "passkey:passkey_login_trigger:button"), nodes(login));
        JsonObject o = options(login, "passkey_challenge");
        Http.Response signedIn = WebAuthnFlows.post(login, null, Json.createObjectBuilder().add("method", "passkey")
                .add("passkey_login", key.authenticate(rpId(o), origin(), challenge(o), verified, handle)).build());
        assertEquals(200, signedIn.status(), signedIn.toString());
        String token = signedIn.jsonObject().getString("session_token");
        assertEquals(identity, signedIn.jsonObject().getJsonObject("session").getJsonObject("identity").getString("id"));

        JsonObject settings = WebAuthnFlows.settings(prefix, token).jsonObject();
        assertFalse(settings.getJsonObject("ui").getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .anyMatch(n -> "password".equals(n.getString("group"))), settings.toString());
        Http.Response refused = ApiFlows.submit(settings, token, "{\"method\":\"password\",\"password\":\"a long and unusual passphrase 42\"}");
        assertEquals(400, refused.status(), refused.toString());
        assertEquals("The settings method password is not available.", firstMessage(refused));
        JsonObject stored = Http.get(prefix + "/admin/identities/" + identity).admin().send().jsonObject();
        assertFalse(stored.getJsonObject("credentials").containsKey("password"), stored.toString());
    }
}
