package dev.gatehouse.it.identity;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kratos' public {@code /schemas} endpoints: no credential needed, Kratos' JSON shapes. */
@ExtendWith(ItServerReady.class)
class SchemaIT {

    private static JsonObject emailTrait(JsonObject schema) {
        return schema.getJsonObject("properties").getJsonObject("traits").getJsonObject("properties")
                .getJsonObject("email");
    }

    @Test
    void listThenDefaultSchemaWithItsDocument() {
        Http.Response r = Http.get("/schemas").send();

        assertEquals(200, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/json"), r.toString());
        JsonArray list = r.json().asJsonArray();
        JsonObject entry = list.getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("id").equals("default")).findFirst().orElseThrow();
        assertEquals("Person", entry.getJsonObject("schema").getString("title"));
        assertNull(r.header("Link"), "one page holds every schema");
    }

    @Test
    void listWhenPageSmallerThanListThenNextLinkElseNone() {
        Http.Response r = Http.get("/schemas?page_size=1").send();

        assertEquals(200, r.status(), r.toString());
        assertEquals(1, r.json().asJsonArray().size());
        int total = Http.get("/schemas").send().json().asJsonArray().size();
        String link = r.header("Link");
        if (total > 1) {
            assertTrue(link != null && link.contains("rel=\"next\"") && link.contains("page_token="), String.valueOf(link));
        } else {
            assertNull(link, "no next page after the only schema");
        }
    }

    @Test
    void listWhenPageTokenForgedThen422() {
        Http.Response r = Http.get("/schemas?page_token=bm9wZQ").send();

        assertEquals(422, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.toString());
    }

    @Test
    void getByIdThenTheSchemaItselfWithKratosExtension() {
        Http.Response r = Http.get("/schemas/default").send();

        assertEquals(200, r.status(), r.toString());
        JsonObject schema = r.jsonObject();
        assertEquals("http://json-schema.org/draft-07/schema#", schema.getString("$schema"));
        JsonObject extension = emailTrait(schema).getJsonObject("ory.sh/kratos");
        assertTrue(extension.getJsonObject("credentials").getJsonObject("password").getBoolean("identifier"));
        assertTrue(extension.getJsonObject("credentials").getJsonObject("webauthn").getBoolean("identifier"));
        assertEquals("email", extension.getJsonObject("credentials").getJsonObject("code").getString("via"));
        assertEquals("email", extension.getJsonObject("verification").getString("via"));
        assertEquals("email", extension.getJsonObject("recovery").getString("via"));
    }

    @Test
    void getWhenUnknownIdThen404Problem() {
        Http.Response r = Http.get("/schemas/no-such-schema").send();

        assertEquals(404, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.toString());
        assertEquals(404, r.jsonObject().getInt("status"));
        assertTrue(r.jsonObject().getString("type").endsWith("/not-found"), r.toString());
    }

    @Test
    void getWhenTenantPrefixThenSameSchemas() {
        Http.Response list = Http.get("/t/acme/schemas").send();
        Http.Response one = Http.get("/t/acme/schemas/default").send();

        assertEquals(200, list.status(), list.toString());
        assertTrue(list.json().asJsonArray().size() >= 1, list.toString());
        assertEquals(200, one.status(), one.toString());
        assertEquals(Http.get("/schemas/default").send().jsonObject(), one.jsonObject());
    }
}
