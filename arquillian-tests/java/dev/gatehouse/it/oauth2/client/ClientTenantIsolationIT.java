package dev.gatehouse.it.oauth2.client;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static dev.gatehouse.it.oauth2.client.ItClients.created;
import static dev.gatehouse.it.oauth2.client.ItClients.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A client of tenant acme is invisible to the default tenant through the admin API, and a client id is unique per
 * tenant only. (That the token endpoint's lookup is tenant-scoped too is in {@link ClientAuthenticationIT}.)
 */
@ExtendWith(ItServerReady.class)
class ClientTenantIsolationIT {

    private static final String REDIRECT = "'redirect_uris':['https://app.example/cb']";

    @Test
    void clientWhenCreatedInAcmeThenNotVisibleNorChangeableFromDefault() {
        String name = ItClients.uniqueName();
        String id = created("/t/acme", "{'client_name':'" + name + "'," + REDIRECT + "}").getString("client_id");

        assertEquals(200, get("/t/acme", id).status());
        assertEquals(404, get("", id).status());
        assertEquals(0, Http.get("/admin/clients?client_name=" + name).admin().send().json().asJsonArray().size());
        assertFalse(Http.get("/admin/clients?page_size=1000").admin().send().body().contains(id));
        assertEquals(404, Http.method("PUT", "/admin/clients/" + id).admin().json("{\"redirect_uris\":[\"https://x.example/cb\"]}").send().status());
        assertEquals(404, Http.method("PATCH", "/admin/clients/" + id).admin()
                .json("[{\"op\":\"replace\",\"path\":\"/client_name\",\"value\":\"x\"}]").send().status());
        assertEquals(404, Http.method("DELETE", "/admin/clients/" + id).admin().send().status());
        assertEquals(name, get("/t/acme", id).jsonObject().getString("client_name"), "still there, unchanged");
    }

    @Test
    void clientIdWhenUsedInAcmeThenStillFreeInDefault() {
        String id = "shared-" + UUID.randomUUID();

        created("/t/acme", "{'client_id':'" + id + "','client_name':'acme'," + REDIRECT + "}");
        created("", "{'client_id':'" + id + "','client_name':'default'," + REDIRECT + "}");

        assertEquals("acme", get("/t/acme", id).jsonObject().getString("client_name"));
        assertEquals("default", get("", id).jsonObject().getString("client_name"));
    }
}
