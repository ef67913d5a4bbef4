package dev.gatehouse.it.tenant;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import dev.gatehouse.it.selfservice.ApiFlows;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.TestClient;
import dev.gatehouse.it.support.TestClients;
import dev.gatehouse.it.support.TestTenants;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tenant settings over the admin API ({@code /admin/tenants/{id}/settings}): each tenant's password policy is its
 * own, through the real registration API; a bad value is refused 400 naming the key and changes nothing; an admin
 * token of one tenant reaches its own settings and no other tenant's.
 */
@ExtendWith(ItServerReady.class)
class TenantSettingsIT {

    /** 19 characters, on no common-password list, nothing like the e-mail addresses used here. */
    private static final String PASSWORD = "violet harp lantern";

    private static String settings(String tenant) {
        return "/admin/tenants/" + tenant + "/settings";
    }

    private static Http.Response patch(String path, String json) {
        return Http.method("PATCH", path).admin().json(json).send();
    }

    private static JsonObject stored(String tenant) {
        Http.Response r = Http.get(settings(tenant)).admin().send();
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject();
    }

    private static String email() {
        return "settings-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    private static List<String> refusedFields(Http.Response r) {
        assertEquals(400, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        return r.jsonObject().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
    }

    private static int passwordMessage(Http.Response registration) {
        assertEquals(400, registration.status(), registration.toString());
        return registration.jsonObject().getJsonObject("ui").getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .filter(n -> n.getJsonObject("attributes").getString("name").equals("password"))
                .findFirst().orElseThrow()
                .getJsonArray("messages").getJsonObject(0).getInt("id");
    }

    /** A JWT admin token of {@code tenant}, by client_credentials at that tenant's token endpoint. */
    private static String adminToken(String tenant) {
        String prefix = "/t/" + tenant;
        TestClient client = TestClients.jwtStrategy().scope("gatehouse:admin").tenantPrefix(prefix).create();
        URI endpoint = ItServer.get().uri(prefix + "/oauth2/token");
        TokenRequest request = new TokenRequest.Builder(endpoint, client.auth(endpoint), new ClientCredentialsGrant())
                .scope(new Scope("gatehouse:admin")).build();
        try {
            HTTPResponse r = request.toHTTPRequest().send();
            assertEquals(200, r.getStatusCode(), r.getBody());
            return TokenResponse.parse(r).toSuccessResponse().getTokens().getAccessToken().getValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void registrationWhenTenantsSetDifferentPasswordPoliciesThenPasswordAcceptedInOneRefusedInTheOther() {
        String strict = TestTenants.create("strict");
        String relaxed = TestTenants.create("relaxed");
        assertEquals(200, patch(settings(strict), "{\"password.min-length\":20}").status());
        assertEquals(200, patch(settings(relaxed), "{\"password.min-length\":\"10\",\"password.breached-check\":false}").status());

        Http.Response inStrict = ApiFlows.register("/t/" + strict, email(), PASSWORD);
        Http.Response inRelaxed = ApiFlows.register("/t/" + relaxed, email(), PASSWORD);
        Http.Response commonInRelaxed = ApiFlows.register("/t/" + relaxed, email(), "password123");
        Http.Response commonInDefault = ApiFlows.register("", email(), "password123");

        assertEquals(4000032, passwordMessage(inStrict), "shorter than the strict tenant's 20");
        assertEquals(200, inRelaxed.status(), inRelaxed.toString());
        assertEquals(200, commonInRelaxed.status(), "the relaxed tenant turned the breached-password check off");
        assertEquals(4000034, passwordMessage(commonInDefault), "the global policy still checks");
    }

    @Test
    void registrationWhenPolicyChangedAfterItWasCachedThenNewPolicyAtOnceOnThisNode() {
        String tenant = TestTenants.create("cached");
        assertEquals(200, ApiFlows.register("/t/" + tenant, email(), PASSWORD).status(), "the global policy, now cached");

        assertEquals(200, patch(settings(tenant), "{\"password.min-length\":20}").status());
        Http.Response after = ApiFlows.register("/t/" + tenant, email(), PASSWORD);

        assertEquals(4000032, passwordMessage(after), "well within the settings cache's 30 s, the change is in force here");
    }

    @Test
    void settingsWhenSetThenStoredAsTextAndEffectiveShowsGlobalForTheRest() {
        String tenant = TestTenants.create("settings");

        Http.Response set = patch(settings(tenant), "{\"password.min-length\":12}");
        JsonObject effective = Http.get(settings(tenant) + "/effective").admin().send().jsonObject();

        assertEquals(200, set.status(), set.toString());
        assertEquals("{\"password.min-length\":\"12\"}", set.body());
        assertEquals("12", effective.getString("password.min-length"));
        assertEquals("128", effective.getString("password.max-length"), "unset: the global value");
        assertEquals("true", effective.getString("password.breached-check"));
    }

    @Test
    void patchWhenNullThenKeyUnsetAndGlobalValueAgain() {
        String tenant = TestTenants.create("unset");
        patch(settings(tenant), "{\"password.min-length\":12,\"password.identifier-similarity\":false}");

        Http.Response r = Http.method("PATCH", settings(tenant)).admin()
                .body("application/merge-patch+json", "{\"password.min-length\":null}".getBytes()).send();

        assertEquals(200, r.status(), r.toString());
        assertEquals("{\"password.identifier-similarity\":\"false\"}", r.body());
        assertEquals("8", Http.get(settings(tenant) + "/effective").admin().send().jsonObject().getString("password.min-length"));
    }

    @Test
    void putWhenGivenThenWholeSetReplaced() {
        String tenant = TestTenants.create("replace");
        patch(settings(tenant), "{\"password.min-length\":12}");

        Http.Response r = Http.method("PUT", settings(tenant)).admin().json("{\"password.max-length\":64}").send();

        assertEquals(200, r.status(), r.toString());
        assertEquals("{\"password.max-length\":\"64\"}", stored(tenant).toString());
    }

    @Test
    void changeWhenValueBadThen400NamingKeyAndNothingChanged() {
        String tenant = TestTenants.create("bad");
        patch(settings(tenant), "{\"password.min-length\":12}");
        JsonObject before = stored(tenant);

        assertEquals(List.of("password.min-length"), refusedFields(patch(settings(tenant), "{\"password.min-length\":\"twelve\"}")));
        assertEquals(List.of("password.min-length"), refusedFields(patch(settings(tenant), "{\"password.min-length\":0}")));
        assertEquals(List.of("password.breached-check"),
                refusedFields(patch(settings(tenant), "{\"password.min-length\":14,\"password.breached-check\":\"maybe\"}")));
        assertEquals(List.of("password.max-length"), refusedFields(patch(settings(tenant), "{\"password.min-length\":200}")),
                "above the global maximum, as start-up would refuse it");
        assertEquals(List.of("password.argon2.memory-kib"),
                refusedFields(patch(settings(tenant), "{\"password.argon2.memory-kib\":1024}")), "hash cost is not a tenant's");
        assertEquals(List.of("no.such-key"), refusedFields(Http.method("PUT", settings(tenant)).admin().json("{\"no.such-key\":1}").send()));
        assertEquals(List.of("password.min-length"), refusedFields(patch(settings(tenant), "{\"password.min-length\":{\"v\":1}}")));
        assertEquals(400, patch(settings(tenant), "[]").status());

        assertEquals(before, stored(tenant));
        assertEquals(4000032, passwordMessage(ApiFlows.register("/t/" + tenant, email(), "eleven char")),
                "the stored policy still applies");
    }

    @Test
    void settingsWhenTenantUnknownThen404() {
        assertEquals(404, Http.get(settings("no-such-tenant")).admin().send().status());
        assertEquals(404, patch(settings("no-such-tenant"), "{\"password.min-length\":12}").status());
    }

    @Test
    void settingsWhenNoAdminCredentialThen401() {
        String tenant = TestTenants.create("anon");

        assertEquals(401, Http.get(settings(tenant)).send().status());
        assertEquals(401, Http.method("PATCH", "/t/" + tenant + settings(tenant)).json("{\"password.min-length\":4}").send().status());
    }

    @Test
    void settingsWhenTenantsOwnAdminTokenThenOwnReachableAndAnotherTenantsRefusedAndUnchanged() {
        String own = TestTenants.create("own");
        String other = TestTenants.create("other");
        patch(settings(other), "{\"password.min-length\":12}");
        String token = adminToken(own);
        String bearer = "Bearer " + token;
        String here = "/t/" + own;

        Http.Response ownRead = Http.get(here + settings(own)).header("Authorization", bearer).send();
        Http.Response ownWrite = Http.method("PATCH", here + settings(own)).header("Authorization", bearer)
                .json("{\"password.min-length\":10}").send();
        Http.Response otherRead = Http.get(here + settings(other)).header("Authorization", bearer).send();
        Http.Response otherWrite = Http.method("PUT", here + settings(other)).header("Authorization", bearer)
                .json("{\"password.min-length\":4}").send();
        Http.Response otherEffective = Http.get(here + settings(other) + "/effective").header("Authorization", bearer).send();
        Http.Response viaOtherPrefix = Http.method("PATCH", "/t/" + other + settings(other)).header("Authorization", bearer)
                .json("{\"password.min-length\":4}").send();
        Http.Response tenantsList = Http.get(here + "/admin/tenants").header("Authorization", bearer).send();

        assertEquals(200, ownRead.status(), ownRead.toString());
        assertEquals(200, ownWrite.status(), ownWrite.toString());
        assertEquals(403, otherRead.status(), otherRead.toString());
        assertTrue(!otherRead.body().contains("password."), otherRead.body());
        assertEquals(403, otherWrite.status(), otherWrite.toString());
        assertEquals(403, otherEffective.status(), otherEffective.toString());
        assertEquals(401, viaOtherPrefix.status(), "another tenant's token is no credential there");
        assertEquals(403, tenantsList.status(), "the rest of the tenants API stays the default tenant's");
        assertEquals("{\"password.min-length\":\"12\"}", stored(other).toString());
        assertEquals("{\"password.min-length\":\"10\"}", stored(own).toString());
    }
}
