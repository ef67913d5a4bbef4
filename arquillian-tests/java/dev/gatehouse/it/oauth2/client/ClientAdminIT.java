package dev.gatehouse.it.oauth2.client;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import dev.gatehouse.it.support.ServerLog;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.util.List;
import java.util.UUID;

import static dev.gatehouse.it.oauth2.client.ItClients.create;
import static dev.gatehouse.it.oauth2.client.ItClients.created;
import static dev.gatehouse.it.oauth2.client.ItClients.get;
import static dev.gatehouse.it.oauth2.client.ItClients.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hydra's {@code /admin/clients} over the wire. */
@ExtendWith(ItServerReady.class)
class ClientAdminIT {

    private static final String REDIRECT = "'redirect_uris':['https://app.example/cb']";

    private static List<String> strings(JsonObject o, String field) {
        return o.getJsonArray(field).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    @Test
    void createWhenMinimalThen201WithGeneratedIdAndSecretAndHydraDefaults() {
        Http.Response r = create("", "{'client_name':'" + uniqueName() + "'," + REDIRECT + "}");

        assertEquals(201, r.status(), r.toString());
        JsonObject c = r.jsonObject();
        String id = c.getString("client_id");
        assertEquals(id, UUID.fromString(id).toString());
        assertTrue(r.header("Location").endsWith("/admin/clients/" + id), r.header("Location"));
        assertTrue(c.getString("client_secret").length() >= 43, "256 bits");
        assertEquals(0, c.getInt("client_secret_expires_at"));
        assertEquals(List.of("authorization_code"), strings(c, "grant_types"));
        assertEquals(List.of("code"), strings(c, "response_types"));
        assertEquals("offline offline_access openid", c.getString("scope"));
        assertEquals("client_secret_basic", c.getString("token_endpoint_auth_method"));
        assertEquals("opaque", c.getString("access_token_strategy"));
        assertEquals(List.of("https://app.example/cb"), strings(c, "redirect_uris"));
        assertFalse(c.getBoolean("skip_consent"));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, c.getJsonObject("metadata"));
        assertEquals(JsonValue.NULL, c.get("authorization_code_grant_access_token_lifespan"));
        assertEquals(c.getString("created_at"), c.getString("updated_at"));
    }

    @Test
    void getWhenCreatedThenSameClientAndNeverTheSecret() {
        JsonObject c = created("", "{'client_name':'" + uniqueName() + "'," + REDIRECT + "}");

        Http.Response r = get("", c.getString("client_id"));

        assertEquals(200, r.status(), r.toString());
        assertFalse(r.jsonObject().containsKey("client_secret"));
        assertFalse(r.body().contains(c.getString("client_secret")));
        assertEquals(c.getString("client_name"), r.jsonObject().getString("client_name"));
    }

    @Test
    void createWhenIdSecretAndAllFieldsGivenThenKeptAsGiven() {
        String id = "app-" + UUID.randomUUID();
        String secret = "a-chosen-secret-of-at-least-32-chars!";

        JsonObject c = created("", "{'client_id':'" + id + "','client_secret':'" + secret + "','client_name':'Shop',"
                + "'redirect_uris':['https://shop.example/cb','http://127.0.0.1:9000/cb'],"
                + "'post_logout_redirect_uris':['https://shop.example/bye'],"
                + "'grant_types':['authorization_code','refresh_token','client_credentials'],'response_types':['code'],"
                + "'scope':'openid email','audience':['https://api.shop.example'],'token_endpoint_auth_method':'client_secret_post',"
                + "'skip_consent':true,'access_token_strategy':'jwt','metadata':{'team':'payments'},"
                + "'backchannel_logout_uri':'https://shop.example/logout','backchannel_logout_session_required':true,"
                + "'authorization_code_grant_access_token_lifespan':'30m','authorization_code_grant_refresh_token_lifespan':'720h',"
                + "'authorization_code_grant_id_token_lifespan':'1h'}");

        assertEquals(id, c.getString("client_id"));
        assertEquals(secret, c.getString("client_secret"));
        JsonObject read = get("", id).jsonObject();
        assertEquals(List.of("authorization_code", "client_credentials", "refresh_token"), strings(read, "grant_types"));
        assertEquals("email openid", read.getString("scope"));
        assertEquals(List.of("https://api.shop.example"), strings(read, "audience"));
        assertEquals("client_secret_post", read.getString("token_endpoint_auth_method"));
        assertTrue(read.getBoolean("skip_consent"));
        assertEquals("jwt", read.getString("access_token_strategy"));
        assertEquals("payments", read.getJsonObject("metadata").getString("team"));
        assertEquals("https://shop.example/logout", read.getString("backchannel_logout_uri"));
        assertTrue(read.getBoolean("backchannel_logout_session_required"));
        assertEquals("30m0s", read.getString("authorization_code_grant_access_token_lifespan"));
        assertEquals("720h0m0s", read.getString("authorization_code_grant_refresh_token_lifespan"));
        assertEquals("1h0m0s", read.getString("authorization_code_grant_id_token_lifespan"));
        assertEquals(List.of("https://shop.example/bye"), strings(read, "post_logout_redirect_uris"));
    }

    @Test
    void createWhenPublicClientThenNoSecret() {
        JsonObject c = created("", "{'token_endpoint_auth_method':'none'," + REDIRECT + "}");

        assertFalse(c.containsKey("client_secret"));
        assertEquals("none", c.getString("token_endpoint_auth_method"));
    }

    /** RFC 7591 §3.2.2 error body, as Hydra answers it: 400, {@code error} and {@code error_description}, not cached. */
    private static JsonObject assertRegistrationError(String error, Http.Response r) {
        assertEquals(400, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        assertEquals("no-store", r.header("Cache-Control"));
        JsonObject body = r.jsonObject();
        assertEquals(error, body.getString("error"), r.body());
        return body;
    }

    @Test
    void createWhenMetadataInvalidThen400InvalidRedirectUriDescribingEveryFieldAndNothingWritten() {
        String id = "bad-" + UUID.randomUUID();

        Http.Response r = create("", "{'client_id':'" + id + "','client_secret':'short','redirect_uris':['http://evil.example/cb#x'],"
                + "'token_endpoint_auth_method':'magic','access_token_strategy':'macaroon'}");

        String description = assertRegistrationError("invalid_redirect_uri", r).getString("error_description");
        for (String field : List.of("client_secret:", "redirect_uris:", "token_endpoint_auth_method:", "access_token_strategy:")) {
            assertTrue(description.contains(field), description);
        }
        assertEquals(404, get("", id).status());
    }

    @Test
    void createWhenChosenSecretShorterThan6Then400InvalidClientMetadataAndNothingWritten() {
        String id = "short-" + UUID.randomUUID();

        Http.Response r = create("", "{'client_id':'" + id + "'," + REDIRECT + ",'client_secret':'12345'}");

        assertTrue(assertRegistrationError("invalid_client_metadata", r).getString("error_description").contains("client_secret"), r.body());
        assertEquals(404, get("", id).status());
    }

    @Test
    void createWhenHydraCliStyleClientCredentialsWithResponseTypeCodeOrTokenThenStoredAsGiven() {
        JsonObject code = created("", "{'grant_types':['client_credentials'],'response_types':['code'],'scope':'read'}");
        JsonObject token = created("", "{'grant_types':['client_credentials'],'response_types':['token']}");
        JsonObject omitted = created("", "{'grant_types':['client_credentials']}");

        assertEquals(List.of("code"), strings(get("", code.getString("client_id")).jsonObject(), "response_types"));
        assertEquals(List.of("token"), strings(get("", token.getString("client_id")).jsonObject(), "response_types"));
        assertEquals(List.of("code"), strings(omitted, "response_types"), "omitted response_types default to code, as in Hydra");
        assertEquals(List.of("client_credentials"), strings(code, "grant_types"));
    }

    @Test
    void createWhenBodyNotJsonOrNotAnObjectThen400() {
        assertEquals(400, Http.post("/admin/clients").admin().json("{nope").send().status());
        assertEquals(400, Http.post("/admin/clients").admin().json("[]").send().status());
    }

    @Test
    void createWhenClientIdTakenThen409AndOriginalUnchanged() {
        String id = "dup-" + UUID.randomUUID();
        created("", "{'client_id':'" + id + "','client_name':'first'," + REDIRECT + "}");

        assertEquals(409, create("", "{'client_id':'" + id + "','client_name':'second'," + REDIRECT + "}").status());
        assertEquals("first", get("", id).jsonObject().getString("client_name"));
    }

    @Test
    void createWhenNotAdminThen401() {
        assertEquals(401, Http.post("/admin/clients").json("{}").send().status());
        assertEquals(401, Http.get("/admin/clients").header("Authorization", "Bearer wrong").send().status());
    }

    @Test
    void listWhenFilteredByNameThenPagedWithLinkHeader() {
        String name = uniqueName();
        List<String> ids = List.of(
                created("", "{'client_name':'" + name + "'," + REDIRECT + "}").getString("client_id"),
                created("", "{'client_name':'" + name + "'," + REDIRECT + "}").getString("client_id"),
                created("", "{'client_name':'" + name + "'," + REDIRECT + "}").getString("client_id"));

        Http.Response first = Http.get("/admin/clients?page_size=2&client_name=" + name).admin().send();

        assertEquals(200, first.status(), first.toString());
        JsonArray page1 = first.json().asJsonArray();
        assertEquals(2, page1.size());
        assertTrue(page1.getValuesAs(JsonObject.class).stream().noneMatch(c -> c.containsKey("client_secret")));
        String link = first.header("Link");
        assertTrue(link != null && link.contains("rel=\"next\"") && link.contains("client_name=" + name), link);
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        JsonArray page2 = Http.get(next.substring(next.indexOf("/admin/"))).admin().send().json().asJsonArray();
        assertEquals(1, page2.size());
        List<String> listed = new java.util.ArrayList<>(page1.getValuesAs(JsonObject.class).stream().map(c -> c.getString("client_id")).toList());
        listed.add(page2.getJsonObject(0).getString("client_id"));
        assertEquals(ids.stream().sorted().toList(), listed.stream().sorted().toList());
        assertEquals(422, Http.get("/admin/clients?page_size=0").admin().send().status());
    }

    @Test
    void putThenReplacedKeepingSecretAndIdUnlessNewSecretGiven() {
        JsonObject c = created("", "{'client_name':'before'," + REDIRECT + "}");
        String id = c.getString("client_id");

        Http.Response r = Http.method("PUT", "/admin/clients/" + id).admin()
                .json(("{'client_name':'after','redirect_uris':['https://app.example/new'],'scope':'openid'}").replace('\'', '"')).send();

        assertEquals(200, r.status(), r.toString());
        assertFalse(r.jsonObject().containsKey("client_secret"));
        assertEquals("after", r.jsonObject().getString("client_name"));
        assertEquals(c.getString("created_at"), r.jsonObject().getString("created_at"));
        assertEquals(List.of("https://app.example/new"), strings(get("", id).jsonObject(), "redirect_uris"));

        String secret = "a-new-chosen-secret-that-is-long-enough";
        Http.Response withSecret = Http.method("PUT", "/admin/clients/" + id).admin()
                .json(("{'client_secret':'" + secret + "'," + REDIRECT + "}").replace('\'', '"')).send();
        assertEquals(secret, withSecret.jsonObject().getString("client_secret"));
        assertRegistrationError("invalid_client_metadata", Http.method("PUT", "/admin/clients/" + id).admin()
                .json(("{'client_id':'other'," + REDIRECT + "}").replace('\'', '"')).send());
        assertEquals(404, Http.method("PUT", "/admin/clients/missing-" + UUID.randomUUID()).admin()
                .json(("{" + REDIRECT + "}").replace('\'', '"')).send().status());
    }

    @Test
    void putWhenInvalidThen400AndClientUnchanged() {
        JsonObject c = created("", "{'client_name':'stays'," + REDIRECT + "}");

        Http.Response badUri = Http.method("PUT", "/admin/clients/" + c.getString("client_id")).admin()
                .json("{\"client_name\":\"gone\",\"redirect_uris\":[\"relative/cb\"]}").send();
        Http.Response badSecret = Http.method("PUT", "/admin/clients/" + c.getString("client_id")).admin()
                .json("{\"client_name\":\"gone\",\"client_secret\":\"12345\",\"redirect_uris\":[\"https://app.example/cb\"]}").send();

        assertRegistrationError("invalid_redirect_uri", badUri);
        assertRegistrationError("invalid_client_metadata", badSecret);
        assertEquals("stays", get("", c.getString("client_id")).jsonObject().getString("client_name"));
    }

    @Test
    void patchThenJsonPatchAppliedAndReadOnlyFieldsRefused() {
        JsonObject c = created("", "{'client_name':'patch-me'," + REDIRECT + "}");
        String id = c.getString("client_id");

        Http.Response r = Http.method("PATCH", "/admin/clients/" + id).admin().body("application/json-patch+json",
                ("[{'op':'replace','path':'/client_name','value':'patched'},"
                        + "{'op':'add','path':'/redirect_uris/-','value':'https://app.example/second'},"
                        + "{'op':'replace','path':'/skip_consent','value':true}]").replace('\'', '"').getBytes()).send();

        assertEquals(200, r.status(), r.toString());
        JsonObject read = get("", id).jsonObject();
        assertEquals("patched", read.getString("client_name"));
        assertEquals(List.of("https://app.example/cb", "https://app.example/second"), strings(read, "redirect_uris"));
        assertTrue(read.getBoolean("skip_consent"));
        assertFalse(r.jsonObject().containsKey("client_secret"));
        assertEquals(422, Http.method("PATCH", "/admin/clients/" + id).admin()
                .json("[{\"op\":\"replace\",\"path\":\"/client_id\",\"value\":\"x\"}]").send().status());
        assertRegistrationError("invalid_redirect_uri", Http.method("PATCH", "/admin/clients/" + id).admin()
                .json("[{\"op\":\"replace\",\"path\":\"/redirect_uris/0\",\"value\":\"http://evil.example\"}]").send());
        assertEquals("patched", get("", id).jsonObject().getString("client_name"));
    }

    @Test
    void patchWhenClientSecretAddedThenNewSecretReturnedOnce() {
        JsonObject c = created("", "{" + REDIRECT + "}");
        String secret = "patched-secret-0123456789-0123456789";

        Http.Response r = Http.method("PATCH", "/admin/clients/" + c.getString("client_id")).admin()
                .json("[{\"op\":\"add\",\"path\":\"/client_secret\",\"value\":\"" + secret + "\"}]").send();

        assertEquals(200, r.status(), r.toString());
        assertEquals(secret, r.jsonObject().getString("client_secret"));
        assertFalse(get("", c.getString("client_id")).body().contains(secret));
    }

    @Test
    void lifecycleThenCreatedUpdatedDeletedEventsAndTheSecretNeverLogged() {
        JsonObject c = created("", "{" + REDIRECT + "}");
        String id = c.getString("client_id");
        Http.method("PUT", "/admin/clients/" + id).admin().json("{\"redirect_uris\":[\"https://app.example/cb\"]}").send();
        Http.method("DELETE", "/admin/clients/" + id).admin().send();

        JsonObject createdEvent = event("oauth2_client_created", id);
        assertEquals("admin-api-key", createdEvent.getString("actor"));
        assertEquals("default", createdEvent.getString("tenant"));
        assertEquals("secret generated", createdEvent.getJsonObject("details").getString("client_auth"));
        assertEquals("secret unchanged", event("oauth2_client_updated", id).getJsonObject("details").getString("client_auth"));
        assertEquals("success", event("oauth2_client_deleted", id).getString("outcome"));
        assertFalse(ServerLog.records().toString().contains(c.getString("client_secret")), "the secret reached the log");
    }

    private static JsonObject event(String name, String clientId) {
        JsonObject record = ServerLog.await(r -> r.getString("module", "").equals("gatehouse.security")
                        && r.getString("message", "").contains("\"" + name + "\"") && r.getString("message", "").contains(clientId))
                .orElseThrow(() -> new AssertionError("no " + name + " event for " + clientId));
        try (JsonReader r = Json.createReader(new StringReader(record.getString("message")))) {
            return r.readObject();
        }
    }

    @Test
    void deleteThen204AndGone() {
        String id = created("", "{" + REDIRECT + "}").getString("client_id");

        assertEquals(204, Http.method("DELETE", "/admin/clients/" + id).admin().send().status());
        assertEquals(404, get("", id).status());
        assertEquals(404, Http.method("DELETE", "/admin/clients/" + id).admin().send().status());
        assertNull(get("", id).jsonObject().get("client_id"));
    }
}
