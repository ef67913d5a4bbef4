package dev.gatehouse.it.identity;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.gatehouse.it.identity.TestIdentities.body;
import static dev.gatehouse.it.identity.TestIdentities.create;
import static dev.gatehouse.it.identity.TestIdentities.password;
import static dev.gatehouse.it.identity.TestIdentities.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Kratos-shaped identities admin API over the wire. */
@ExtendWith(ItServerReady.class)
class IdentityAdminIT {

    @Test
    void createWhenPasswordGivenThen201KratosShapeAndNoSecretInTheAnswer() {
        String email = uniqueEmail();

        Http.Response r = create("", body(email, password("correct horse battery staple")));

        assertEquals(201, r.status(), r.toString());
        JsonObject i = r.jsonObject();
        assertEquals(36, i.getString("id").length());
        assertTrue(r.header("Location").endsWith("/admin/identities/" + i.getString("id")), r.header("Location"));
        assertEquals("default", i.getString("schema_id"));
        assertTrue(i.getString("schema_url").endsWith("/schemas/ZGVmYXVsdA"), i.getString("schema_url"));
        assertEquals("active", i.getString("state"));
        assertEquals(email, i.getJsonObject("traits").getString("email"));
        JsonObject address = i.getJsonArray("verifiable_addresses").getJsonObject(0);
        assertEquals(email, address.getString("value"));
        assertEquals("email", address.getString("via"));
        assertFalse(address.getBoolean("verified"));
        assertEquals("pending", address.getString("status"));
        assertEquals(email, i.getJsonArray("recovery_addresses").getJsonObject(0).getString("value"));
        assertEquals(List.of(email), i.getJsonObject("credentials").getJsonObject("password").getJsonArray("identifiers")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertFalse(r.body().contains("hashed_password") || r.body().contains("argon2") || r.body().contains("battery"), r.body());
    }

    @Test
    void createWhenEmailDiffersOnlyInCaseThen409AndNothingWritten() {
        String email = uniqueEmail();
        assertEquals(201, create("", body(email, password("correct horse battery staple"))).status());

        Http.Response again = create("", body(email.toUpperCase(), password("another long passphrase")));

        assertEquals(409, again.status(), again.toString());
        JsonArray found = Http.get("/admin/identities?credentials_identifier=" + email).admin().send().json().asJsonArray();
        assertEquals(1, found.size());
        assertEquals(email, found.getJsonObject(0).getJsonObject("traits").getString("email"));
    }

    @Test
    void createWhenTraitsBreakSchemaThen422OnTheFieldAndNothingWritten() {
        Http.Response r = create("", "{\"schema_id\":\"default\",\"traits\":{\"email\":\"not-an-email\"}}");

        assertEquals(422, r.status(), r.toString());
        assertEquals("traits.email", r.jsonObject().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(0, Http.get("/admin/identities?credentials_identifier=not-an-email").admin().send().json().asJsonArray().size());
    }

    @Test
    void createWhenUnknownSchemaOrMissingTraitsThen422() {
        assertEquals(422, create("", "{\"schema_id\":\"nope\",\"traits\":{\"email\":\"" + uniqueEmail() + "\"}}").status());
        assertEquals(422, create("", "{\"schema_id\":\"default\"}").status());
        assertEquals(422, create("", "{\"traits\":{\"email\":\"" + uniqueEmail() + "\"},\"state\":\"sleeping\"}").status());
    }

    @Test
    void createWhenHtmlInTraitsThenStoredVerbatimAndReturnedAsJsonString() {
        String email = uniqueEmail();
        String body = "{\"traits\":{\"email\":\"" + email + "\",\"name\":{\"first\":\"<script>alert(1)</script>\",\"last\":\"'; DROP TABLE identity; --\"}}}";

        Http.Response r = create("", body);

        assertEquals(201, r.status(), r.toString());
        JsonObject name = r.jsonObject().getJsonObject("traits").getJsonObject("name");
        assertEquals("<script>alert(1)</script>", name.getString("first"));
        assertEquals("'; DROP TABLE identity; --", name.getString("last"));
        assertEquals(200, Http.get("/admin/identities/" + r.jsonObject().getString("id")).admin().send().status());
    }

    @Test
    void getWhenUnknownOrMalformedIdThen404() {
        assertEquals(404, Http.get("/admin/identities/00000000-0000-0000-0000-000000000000").admin().send().status());
        assertEquals(404, Http.get("/admin/identities/not-a-uuid").admin().send().status());
    }

    @Test
    void listThenPagedWithLinkHeader() {
        create("", body(uniqueEmail(), null));
        create("", body(uniqueEmail(), null));

        Http.Response first = Http.get("/admin/identities?page_size=1").admin().send();

        assertEquals(200, first.status());
        assertEquals(1, first.json().asJsonArray().size());
        String link = first.header("Link");
        assertNotNull(link);
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        Http.Response second = Http.get(next.substring(next.indexOf("/admin/"))).admin().send();
        assertEquals(1, second.json().asJsonArray().size());
        assertFalse(first.json().asJsonArray().getJsonObject(0).getString("id")
                .equals(second.json().asJsonArray().getJsonObject(0).getString("id")));
    }

    @Test
    void replaceThenTraitsStateAndIdentifiersChange() {
        String id = create("", body(uniqueEmail(), password("correct horse battery staple"))).jsonObject().getString("id");
        String newEmail = uniqueEmail();

        Http.Response r = Http.method("PUT", "/admin/identities/" + id).admin()
                .json("{\"schema_id\":\"default\",\"state\":\"inactive\",\"traits\":{\"email\":\"" + newEmail + "\"},"
                        + "\"metadata_public\":{\"plan\":\"gold\"},\"metadata_admin\":{\"crm\":42}}").send();

        assertEquals(200, r.status(), r.toString());
        JsonObject i = r.jsonObject();
        assertEquals("inactive", i.getString("state"));
        assertEquals("gold", i.getJsonObject("metadata_public").getString("plan"));
        assertEquals(42, i.getJsonObject("metadata_admin").getInt("crm"));
        assertEquals(newEmail, i.getJsonObject("credentials").getJsonObject("password").getJsonArray("identifiers").getString(0));
        assertEquals(id, Http.get("/admin/identities?credentials_identifier=" + newEmail).admin().send().json()
                .asJsonArray().getJsonObject(0).getString("id"));
    }

    @Test
    void patchThenOnlyPatchedFieldsChange() {
        String email = uniqueEmail();
        String id = create("", body(email, null)).jsonObject().getString("id");

        Http.Response r = Http.method("PATCH", "/admin/identities/" + id).admin()
                .json("[{\"op\":\"replace\",\"path\":\"/traits/name/first\",\"value\":\"Grace\"},"
                        + "{\"op\":\"add\",\"path\":\"/metadata_public\",\"value\":{\"beta\":true}}]").send();

        assertEquals(200, r.status(), r.toString());
        assertEquals("Grace", r.jsonObject().getJsonObject("traits").getJsonObject("name").getString("first"));
        assertEquals(email, r.jsonObject().getJsonObject("traits").getString("email"));
        assertTrue(r.jsonObject().getJsonObject("metadata_public").getBoolean("beta"));
    }

    @Test
    void patchWhenPathNotPatchableOrPatchBrokenThenRefusedAndNothingChanged() {
        String id = create("", body(uniqueEmail(), null)).jsonObject().getString("id");

        assertEquals(422, Http.method("PATCH", "/admin/identities/" + id).admin()
                .json("[{\"op\":\"replace\",\"path\":\"/id\",\"value\":\"x\"}]").send().status());
        assertEquals(422, Http.method("PATCH", "/admin/identities/" + id).admin()
                .json("[{\"op\":\"remove\",\"path\":\"/traits/nope\"}]").send().status());
        assertEquals(400, Http.method("PATCH", "/admin/identities/" + id).admin().json("{\"op\":\"add\"}").send().status());
        assertEquals(422, Http.method("PATCH", "/admin/identities/" + id).admin()
                .json("[{\"op\":\"replace\",\"path\":\"/traits/email\",\"value\":\"broken\"}]").send().status());
        assertEquals("Ada", Http.get("/admin/identities/" + id).admin().send().jsonObject()
                .getJsonObject("traits").getJsonObject("name").getString("first"));
    }

    @Test
    void deleteThen204AndGone() {
        String email = uniqueEmail();
        String id = create("", body(email, password("correct horse battery staple"))).jsonObject().getString("id");

        assertEquals(204, Http.method("DELETE", "/admin/identities/" + id).admin().send().status());
        assertEquals(404, Http.get("/admin/identities/" + id).admin().send().status());
        assertEquals(404, Http.method("DELETE", "/admin/identities/" + id).admin().send().status());
        assertEquals(201, create("", body(email, null)).status(), "the identifier is free again");
    }

    @Test
    void adminApiWhenNoKeyThen401() {
        assertEquals(401, Http.post("/admin/identities").json(body(uniqueEmail(), null)).send().status());
        assertEquals(401, Http.get("/admin/identities").send().status());
    }
}
