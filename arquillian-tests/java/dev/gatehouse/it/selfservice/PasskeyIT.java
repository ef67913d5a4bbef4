package dev.gatehouse.it.selfservice;

import dev.gatehouse.credential.webauthn.SoftwareAuthenticator;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.TestTenants;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static dev.gatehouse.it.selfservice.ApiFlows.start;
import static dev.gatehouse.it.selfservice.ApiFlows.whoami;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.challenge;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.messageIds;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.node;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.options;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.origin;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.post;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.rpId;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.settings;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.userHandle;
import static dev.gatehouse.it.selfservice.WebAuthnFlows.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code passkey} method over the API flows, in tenants that turned it on: sign-up with an e-mail address and a
 * passkey only, sign-in with a discoverable credential (no user name), passkeys added and removed in settings; and
 * answers that claim another identity's or another tenant's passkey refused.
 */
@ExtendWith(ItServerReady.class)
class PasskeyIT {

    private static final byte UP_UV = (byte) (SoftwareAuthenticator.UP | SoftwareAuthenticator.UV);

    private record SignedUp(String prefix, String email, String identityId, String token, byte[] userHandle) {
    }

    /** A new tenant with passkeys on; answers its path prefix. */
    private static String tenantWithPasskeys() {
        String id = TestTenants.create("passkey", "{\"webauthn.passkey.enabled\": true}");
        return "/t/" + id;
    }

    private static JsonObject traits(String email) {
        return Json.createObjectBuilder().add("email", email).build();
    }

    private static SignedUp signUp(String prefix, SoftwareAuthenticator key) {
        String email = "passkey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        JsonObject flow = start(prefix, "registration");
        assertTrue(values(flow, "method").contains("passkey"), flow.toString());

        Http.Response step = post(flow, null, Json.createObjectBuilder().add("method", "passkey").add("traits", traits(email)).build());
        assertEquals(200, step.status(), step.toString());
        JsonObject withOptions = step.jsonObject();
        JsonObject o = options(withOptions, "passkey_create_data");
        assertEquals("required", o.getJsonObject("authenticatorSelection").getString("residentKey"));
        assertEquals("required", o.getJsonObject("authenticatorSelection").getString("userVerification"));
        assertEquals(email, o.getJsonObject("user").getString("name"));
        node(withOptions, "passkey_register_trigger");

        Http.Response done = post(withOptions, null, Json.createObjectBuilder().add("method", "passkey").add("traits", traits(email))
                .add("passkey_register", key.register(rpId(o), origin(), challenge(o), UP_UV)).build());

        assertEquals(200, done.status(), done.toString());
        JsonObject body = done.jsonObject();
        return new SignedUp(prefix, email, body.getJsonObject("identity").getString("id"), body.getString("session_token"), userHandle(o));
    }

    private static Http.Response signIn(String prefix, SoftwareAuthenticator key, byte[] userHandle) {
        JsonObject flow = start(prefix, "login");
        JsonObject o = options(flow, "passkey_challenge");
        return post(flow, null, Json.createObjectBuilder().add("method", "passkey")
                .add("passkey_login", key.authenticate(rpId(o), origin(), challenge(o), UP_UV, userHandle)).build());
    }

    @Test
    void registrationWhenTraitsAndPasskeyOnlyThenSignedInWithoutPassword() {
        String prefix = tenantWithPasskeys();
        SignedUp who = signUp(prefix, new SoftwareAuthenticator());

        Http.Response me = whoami(prefix, who.token());

        assertEquals(200, me.status(), me.toString());
        assertEquals("aal1", me.jsonObject().getString("authenticator_assurance_level"));
        assertEquals(List.of("passkey"), WebAuthnFlows.methods(me.jsonObject()));
        assertEquals(who.email(), me.jsonObject().getJsonObject("identity").getJsonObject("traits").getString("email"));
        JsonObject identity = Http.get(prefix + "/admin/identities/" + who.identityId()).admin().send().jsonObject();
        assertTrue(identity.getJsonObject("credentials").containsKey("passkey"), identity.toString());
        assertFalse(identity.getJsonObject("credentials").containsKey("password"), identity.toString());
    }

    @Test
    void loginWhenDiscoverablePasskeyThenSessionForItsIdentityAtAal1() {
        String prefix = tenantWithPasskeys();
        SoftwareAuthenticator key = new SoftwareAuthenticator();
        SignedUp who = signUp(prefix, key);
        JsonObject flow = start(prefix, "login");
        assertEquals("username webauthn", node(flow, "identifier").getJsonObject("attributes").getString("autocomplete"));
        JsonObject o = options(flow, "passkey_challenge");
        assertEquals(0, o.getJsonArray("allowCredentials").size());

        Http.Response r = post(flow, null, Json.createObjectBuilder().add("method", "passkey")
                .add("passkey_login", key.authenticate(rpId(o), origin(), challenge(o), UP_UV, who.userHandle())).build());

        assertEquals(200, r.status(), r.toString());
        JsonObject session = r.jsonObject().getJsonObject("session");
        assertEquals(who.identityId(), session.getJsonObject("identity").getString("id"));
        assertEquals("aal1", session.getString("authenticator_assurance_level"));
        assertEquals(List.of("passkey"), WebAuthnFlows.methods(session));
    }

    @Test
    void loginWhenAnswerClaimsAnotherIdentitysPasskeyThenRefused() {
        String prefix = tenantWithPasskeys();
        SoftwareAuthenticator mallorysKey = new SoftwareAuthenticator();
        signUp(prefix, mallorysKey);
        SignedUp alice = signUp(prefix, new SoftwareAuthenticator());

        Http.Response r = signIn(prefix, mallorysKey, alice.userHandle());

        assertEquals(400, r.status(), r.toString());
        assertEquals(List.of(4000043L), messageIds(r.jsonObject()));
        assertFalse(r.jsonObject().containsKey("session_token"));
    }

    @Test
    void loginWhenPasskeyOfAnotherTenantThenNoSuchAccount() {
        String home = tenantWithPasskeys();
        String elsewhere = tenantWithPasskeys();
        SoftwareAuthenticator key = new SoftwareAuthenticator();
        SignedUp who = signUp(home, key);

        Http.Response r = signIn(elsewhere, key, who.userHandle());

        assertEquals(400, r.status(), r.toString());
        assertEquals(List.of(4000015L), messageIds(r.jsonObject()));
        assertEquals(200, signIn(home, key, who.userHandle()).status(), "the same passkey still works in its own tenant");
    }

    @Test
    void loginWhenPasskeysOffThenNotOffered() {
        JsonObject flow = start("", "login");
        assertTrue(WebAuthnFlows.nodes(flow, "passkey_challenge").isEmpty(), flow.toString());
        assertEquals("username", node(flow, "identifier").getJsonObject("attributes").getString("autocomplete"));
    }

    @Test
    void settingsWhenSecondPasskeyAddedThenEitherSignsInAndTheFirstMayGo() {
        String prefix = tenantWithPasskeys();
        SoftwareAuthenticator first = new SoftwareAuthenticator();
        SignedUp who = signUp(prefix, first);
        JsonObject flow = settings(prefix, who.token()).jsonObject();
        assertTrue(node(flow, "passkey_remove").getJsonObject("attributes").getBoolean("disabled"),
                "the only way to sign in cannot be removed");
        JsonObject o = options(flow, "passkey_create_data");
        assertEquals(1, o.getJsonArray("excludeCredentials").size());
        SoftwareAuthenticator second = new SoftwareAuthenticator();

        Http.Response added = post(flow, who.token(), Json.createObjectBuilder()
                .add("passkey_settings_register", second.register(rpId(o), origin(), challenge(o), UP_UV)).build());

        assertEquals(200, added.status(), added.toString());
        assertEquals(2, values(added.jsonObject(), "passkey_remove").size());
        assertEquals(200, signIn(prefix, second, who.userHandle()).status());
        Http.Response removed = post(added.jsonObject(), who.token(), Json.createObjectBuilder()
                .add("passkey_remove", HexFormat.of().formatHex(first.credentialId())).build());
        assertEquals(200, removed.status(), removed.toString());
        assertEquals(List.of(HexFormat.of().formatHex(second.credentialId())), values(removed.jsonObject(), "passkey_remove"));
        assertEquals(400, signIn(prefix, first, who.userHandle()).status());
    }

    @Test
    void registrationWhenIdentifierChangedAfterTheOptionsThenRefused() {
        String prefix = tenantWithPasskeys();
        JsonObject flow = start(prefix, "registration");
        JsonObject step = post(flow, null, Json.createObjectBuilder().add("method", "passkey")
                .add("traits", traits("first-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test")).build()).jsonObject();
        JsonObject o = options(step, "passkey_create_data");

        Http.Response r = post(step, null, Json.createObjectBuilder().add("method", "passkey")
                .add("traits", traits("other-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test"))
                .add("passkey_register", new SoftwareAuthenticator().register(rpId(o), origin(), challenge(o), UP_UV)).build());

        assertEquals(400, r.status(), r.toString());
        assertEquals(List.of(4000036L), messageIds(r.jsonObject()));
    }

    @Test
    void loginWhenAnswerIsNotACredentialThenRefusedOnTheForm() {
        String prefix = tenantWithPasskeys();
        JsonObject flow = start(prefix, "login");

        Http.Response notJson = post(flow, null, Json.createObjectBuilder().add("method", "passkey").add("passkey_login", "{not json").build());
        Http.Response badId = post(flow, null, Json.createObjectBuilder().add("method", "passkey")
                .add("passkey_login", "{\"id\":\"%%\",\"type\":\"public-key\",\"response\":{\"userHandle\":\"%%\"}}").build());

        assertEquals(400, notJson.status(), notJson.toString());
        assertEquals(List.of(4000043L), messageIds(notJson.jsonObject()));
        assertEquals(400, badId.status(), badId.toString());
        assertEquals(List.of(4000043L), messageIds(badId.jsonObject()));
    }

    @Test
    void tenantSettingsWhenOriginOutsideTheRelyingPartyOrTrustedWithoutStoreThenRefusedAndNothingStored() {
        String id = TestTenants.create("passkey-rp");
        String path = "/admin/tenants/" + id + "/settings";

        Http.Response outside = Http.method("PATCH", path).admin()
                .json("{\"webauthn.rp.id\": \"acme.test\", \"webauthn.rp.origins\": \"https://evil.test\"}").send();
        Http.Response trusted = Http.method("PATCH", path).admin().json("{\"webauthn.attestation\": \"trusted\"}").send();

        assertEquals(400, outside.status(), outside.toString());
        assertEquals(400, trusted.status(), trusted.toString());
        assertEquals("{}", Http.get(path).admin().send().jsonObject().toString());
    }
}
