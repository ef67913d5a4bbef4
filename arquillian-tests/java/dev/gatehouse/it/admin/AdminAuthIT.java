package dev.gatehouse.it.admin;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nothing under /admin is reachable without the admin credential — not even its 404s. */
@ExtendWith(ItServerReady.class)
class AdminAuthIT {

    @Test
    void adminWhenNoCredentialThen401WithChallenge() {
        Http.Response r = Http.get("/admin/tenants").send();

        assertEquals(401, r.status());
        assertTrue(r.contentType().startsWith("application/problem+json"));
        assertTrue(r.header("WWW-Authenticate").startsWith("Bearer"), r.header("WWW-Authenticate"));
    }

    @Test
    void adminWhenWrongKeyThen401() {
        assertEquals(401, Http.get("/admin/tenants").header("Authorization", "Bearer wrong-key-wrong-key-wrong-key-123").send().status());
    }

    @Test
    void adminWhenKeyWithExtraCharacterThen401() {
        Http.Response r = Http.get("/admin/tenants").header("Authorization", "Bearer " + dev.gatehouse.it.support.ItServer.get().adminKey() + "x").send();

        assertEquals(401, r.status());
    }

    @Test
    void adminWhenBasicSchemeThen401() {
        assertEquals(401, Http.get("/admin/tenants").header("Authorization", "Basic YWRtaW46YWRtaW4=").send().status());
    }

    @Test
    void adminWhenUnknownPathAndNoCredentialThen401NotA404() {
        assertEquals(401, Http.get("/admin/whatever/else").send().status());
    }

    @Test
    void adminWhenPathTraversalAroundFilterThenStill401() {
        assertEquals(401, Http.get("/x/../admin/tenants").send().status());
        assertEquals(401, Http.get("/./admin/tenants").send().status());
        Http.Response doubleSlash = Http.get("//admin/tenants").send();
        assertTrue(doubleSlash.status() == 401 || doubleSlash.status() == 404, doubleSlash.toString());
        assertTrue(!doubleSlash.body().contains("\"default\""), "tenant list must not be served: " + doubleSlash);
    }

    @Test
    void adminWhenRightKeyThen200() {
        Http.Response r = Http.get("/admin/tenants").admin().send();

        assertEquals(200, r.status(), r.toString());
        assertTrue(r.json().asJsonArray().stream().anyMatch(t -> t.asJsonObject().getString("id").equals("default")));
    }
}
