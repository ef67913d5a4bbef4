package dev.gatehouse.it.oauth2.client;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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

    @Test
    void createWhenMetadataInvalidThen422NamingEveryFieldAndNothingWritten() {
        String id = "bad-" + UUID.randomUUID();

        Http.Response r = create("", "{'client_id':'" + id + "','client_secret':'short','redirect_uris':['http://evil.example/cb#x'],"
                + "'token_endpoint_auth_method':'magic','access_token_strategy':'macaroon'}");

        assertEquals(422, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        List<String> fields = r.jsonObject().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
        assertTrue(fields.containsAll(List.of("client_secret", "redirect_uris", "token_endpoint_auth_method", "access_token_strategy")),
                fields.toString());
        assertEquals(404, get("", id).status());
    }

    @Test
    void createWhenShortChosenSecretThen422SayingWhy() {
        Http.Response r = create("", "{" + REDIRECT + ",'client_secret':'" + "x".repeat(31) + "'}");

        assertEquals(422, r.status(), r.toString());
        assertTrue(r.body().contains("32") && r.body().contains("hash"), r.body());
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
        assertEquals(422, Http.method("PUT", "/admin/clients/" + id).admin()
                .json(("{'client_id':'other'," + REDIRECT + "}").replace('\'', '"')).send().status());
        assertEquals(404, Http.method("PUT", "/admin/clients/missing-" + UUID.randomUUID()).admin()
                .json(("{" + REDIRECT + "}").replace('\'', '"')).send().status());
    }

    @Test
    void putWhenInvalidThen422AndClientUnchanged() {
        JsonObject c = created("", "{'client_name':'stays'," + REDIRECT + "}");

        Http.Response r = Http.method("PUT", "/admin/clients/" + c.getString("client_id")).admin()
                .json("{\"client_name\":\"gone\",\"redirect_uris\":[\"relative/cb\"]}").send();

        assertEquals(422, r.status(), r.toString());
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
        assertEquals(422, Http.method("PATCH", "/admin/clients/" + id).admin()
                .json("[{\"op\":\"replace\",\"path\":\"/redirect_uris/0\",\"value\":\"http://evil.example\"}]").send().status());
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
    void deleteThen204AndGone() {
        String id = created("", "{" + REDIRECT + "}").getString("client_id");

        assertEquals(204, Http.method("DELETE", "/admin/clients/" + id).admin().send().status());
        assertEquals(404, get("", id).status());
        assertEquals(404, Http.method("DELETE", "/admin/clients/" + id).admin().send().status());
        assertNull(get("", id).jsonObject().get("client_id"));
    }
}
