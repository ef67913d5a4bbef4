package dev.gatehouse.it.platform;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input to the JSON APIs gets a 4xx problem+json, never a 500, a stack trace or an internal message. */
@ExtendWith(ItServerReady.class)
class ProblemDetailsIT {

    private static JsonObject assertProblem(Http.Response r, int status, String typeSuffix) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.toString());
        assertEquals("no-store", r.header("Cache-Control"));
        String body = r.body();
        for (String leak : new String[] {"Exception", "\tat ", "java.", "jakarta.", "org.", "dev.gatehouse", "SQL"}) {
            assertFalse(body.contains(leak), "problem leaks internals (" + leak + "): " + body);
        }
        JsonObject p = r.jsonObject();
        assertEquals(status, p.getInt("status"));
        assertTrue(p.getString("type").endsWith("/" + typeSuffix), p.toString());
        assertNotNull(p.getString("title"));
        assertEquals(r.header("X-Request-ID"), p.getString("request_id"));
        return p;
    }

    @Test
    void postWhenJsonMalformedThen400() {
        assertProblem(Http.post("/admin/tenants").admin().json("{\"id\": \"x\",").send(), 400, "malformed-request");
    }

    @Test
    void postWhenBodyNotAnObjectThen400() {
        assertProblem(Http.post("/admin/tenants").admin().json("[1,2,3]").send(), 400, "malformed-request");
    }

    @Test
    void postWhenBodyEmptyThen400() {
        assertProblem(Http.post("/admin/tenants").admin().json("").send(), 400, "malformed-request");
    }

    @Test
    void postWhenInvalidUtf8Then400() {
        byte[] bad = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertProblem(Http.post("/admin/tenants").admin().body("application/json", bad).send(), 400, "malformed-request");
    }

    @Test
    void postWhenNestedTooDeepThen400() {
        String deep = "{\"id\":\"deep\",\"x\":" + "[".repeat(200) + "]".repeat(200) + "}";
        JsonObject p = assertProblem(Http.post("/admin/tenants").admin().json(deep).send(), 400, "malformed-request");
        assertTrue(p.getString("detail").contains("nested"), p.toString());
    }

    @Test
    void postWhenNumberLongerThanTheParserTakesThen400OnEveryJsonEndpoint() {
        String huge = "7".repeat(1_200);
        JsonObject p = assertProblem(Http.post("/admin/tenants").admin().json("{\"id\":" + huge + "}").send(), 400, "malformed-request");
        assertEquals("The request body has a number longer than 100 characters", p.getString("detail"));
        assertProblem(Http.post("/admin/rules/validate").admin().json("{\"id\":" + huge + "}").send(), 400, "malformed-request");
        Http.Response registration = Http.post("/oauth2/register").json("{\"client_name\":" + huge + "}").send();
        assertEquals(400, registration.status(), registration.toString());
        assertEquals("invalid_client_metadata", registration.jsonObject().getString("error"), "RFC 7591's own error shape");
        String flow = Http.get("/self-service/login/api").send().jsonObject().getString("id");
        assertProblem(Http.post("/self-service/login?flow=" + flow).json("{\"n\":" + huge + "}").send(), 400, "malformed-request");
    }

    @Test
    void validateRuleWhenNestedThousandsDeepThen400() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        JsonObject p = assertProblem(Http.post("/admin/rules/validate").admin().json(deep).send(), 400, "malformed-request");
        assertTrue(p.getString("detail").contains("nested"), p.toString());
    }

    @Test
    void postWhenStringHoldsNulOrMemberTwiceThen400() {
        assertProblem(Http.post("/admin/tenants").admin().json("{\"id\":\"nul\",\"display_name\":\"a\\u0000b\"}").send(),
                400, "malformed-request");
        assertProblem(Http.post("/admin/tenants").admin().json("{\"id\":\"twice\",\"id\":\"Not Valid!\"}").send(),
                400, "malformed-request");
    }

    @Test
    void postWhenFieldHasWrongTypeThen422WithField() {
        JsonObject p = assertProblem(Http.post("/admin/tenants").admin().json("{\"id\": 42}").send(), 422, "validation-failed");
        assertEquals("id", p.getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void postWhenValidationFailsThen422ListingEveryField() {
        JsonObject p = assertProblem(Http.post("/admin/tenants").admin()
                .json("{\"id\": \"Not Valid!\", \"hosts\": [\"ok.example\", \"bad host\"]}").send(), 422, "validation-failed");
        var fields = p.getJsonArray("errors").getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).toList();
        assertEquals(java.util.List.of("id", "hosts/1"), fields);
    }

    @Test
    void postWhenContentTypeNotJsonThen415() {
        assertProblem(Http.post("/admin/tenants").admin()
                .body("text/plain", "id=x".getBytes(StandardCharsets.UTF_8)).send(), 415, "unsupported-media-type");
    }

    @Test
    void unknownPathThen404() {
        assertProblem(Http.get("/no/such/thing").send(), 404, "not-found");
    }

    @Test
    void wrongMethodThen405WithAllow() {
        Http.Response r = Http.method("DELETE", "/version").send();
        assertProblem(r, 405, "method-not-allowed");
        assertNotNull(r.header("Allow"));
        assertTrue(r.header("Allow").contains("GET"), r.header("Allow"));
    }

    @Test
    void postWhenDeclaredLengthOverLimitThen413() {
        byte[] big = new byte[70_000];
        java.util.Arrays.fill(big, (byte) ' ');
        assertProblem(Http.post("/admin/tenants").admin().body("application/json", big).send(), 413, "payload-too-large");
    }

    @Test
    void postWhenChunkedBodyGrowsOverLimitThen413() {
        String json = "{\"id\":\"chunky\",\"display_name\":\"" + "a".repeat(70_000) + "\"}";
        assertProblem(Http.post("/admin/tenants").admin()
                .chunked("application/json", json.getBytes(StandardCharsets.UTF_8)).send(), 413, "payload-too-large");
    }

    @Test
    void errorPageWhenRequestedDirectlyThen404() {
        assertProblem(Http.get("/gatehouse-error").send(), 404, "not-found");
    }

    @Test
    void unknownTenantThen404() {
        assertProblem(Http.get("/t/no-such-tenant/version").send(), 404, "not-found");
    }

    @Test
    void missingTenantThen404() {
        JsonObject p = assertProblem(Http.get("/admin/tenants/does-not-exist").admin().send(), 404, "not-found");
        assertEquals("No tenant with this id", p.getString("detail"));
    }
}
