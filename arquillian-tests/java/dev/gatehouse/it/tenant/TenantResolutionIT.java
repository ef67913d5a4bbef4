package dev.gatehouse.it.tenant;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ItServerReady.class)
class TenantResolutionIT {

    private static String newTenant(String... hosts) {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder h = new StringBuilder("[");
        for (int i = 0; i < hosts.length; i++) {
            h.append(i == 0 ? "" : ",").append('"').append(hosts[i]).append('"');
        }
        h.append(']');
        Http.Response r = Http.post("/admin/tenants").admin()
                .json("{\"id\":\"" + id + "\",\"display_name\":\"Tenant " + id + "\",\"hosts\":" + h + "}").send();
        assertEquals(201, r.status(), r.toString());
        return id;
    }

    @Test
    void requestWhenNoHintThenDefaultTenant() {
        JsonObject t = Http.get("/tenant").send().jsonObject();

        assertEquals("default", t.getString("id"));
    }

    @Test
    void requestWhenPathPrefixThenThatTenantAndRestOfPathServed() {
        String id = newTenant();

        Http.Response r = Http.get("/t/" + id + "/tenant").send();

        assertEquals(200, r.status(), r.toString());
        assertEquals(id, r.jsonObject().getString("id"));
        assertEquals("Tenant " + id, r.jsonObject().getString("display_name"));
    }

    @Test
    void requestWhenPathPrefixKeepsQueryString() {
        String id = newTenant();

        Http.Response r = Http.get("/t/" + id + "/admin/tenants?page_size=1").admin().send();

        assertEquals(200, r.status(), r.toString());
        assertEquals(1, r.json().asJsonArray().size());
    }

    @Test
    void requestWhenHostMappedThenThatTenant() {
        String host = "login-" + UUID.randomUUID().toString().substring(0, 8) + ".example.test";
        String id = newTenant(host);

        Http.Response r = Http.get("/tenant").header("Host", host.toUpperCase() + ":8080").send();

        assertEquals(id, r.jsonObject().getString("id"), r.toString());
    }

    @Test
    void requestWhenPublicHostThenDefaultTenant() {
        Http.Response r = Http.get("/tenant").send();

        assertEquals("default", r.jsonObject().getString("id"));
    }

    @Test
    void requestWhenHostUnmappedThen400ProblemAndNothingServed() {
        Http.Response r = Http.get("/tenant").header("Host", "unmapped.example.test").send();

        assertEquals(400, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"));
        assertTrue(r.jsonObject().getString("detail").contains("unmapped.example.test"), r.toString());
    }

    @Test
    void requestWhenUnknownTenantPrefixThen404ProblemAndNothingServed() {
        Http.Response r = Http.get("/t/nobody-here/tenant").send();

        assertEquals(404, r.status());
        assertTrue(r.contentType().startsWith("application/problem+json"));
        assertEquals("Unknown tenant", r.jsonObject().getString("detail"));
    }

    @Test
    void requestWhenTenantPrefixNotAnIdThen404() {
        assertEquals(404, Http.get("/t/UPPER/tenant").send().status());
        assertEquals(404, Http.get("/t/a_b/tenant").send().status());
    }

    @Test
    void requestWhenEncodedSlashInPathThen400ProblemWithoutDetails() {
        Http.Response r = Http.get("/t/..%2Fadmin/tenant").send();

        assertEquals(400, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.toString());
        assertTrue(!r.body().contains("CWWWC") && !r.body().contains("Exception"), r.body());
    }

    @Test
    void adminWhenTenantPrefixThenStillNeedsAdminKey() {
        String id = newTenant();

        Http.Response r = Http.get("/t/" + id + "/admin/tenants").send();

        assertEquals(401, r.status(), r.toString());
    }

    @Test
    void createWhenIdTakenThen409AndNothingChanged() {
        String id = newTenant();

        Http.Response again = Http.post("/admin/tenants").admin()
                .json("{\"id\":\"" + id + "\",\"display_name\":\"Other\"}").send();

        assertEquals(409, again.status(), again.toString());
        assertEquals("Tenant " + id, Http.get("/admin/tenants/" + id).admin().send().jsonObject().getString("display_name"));
    }

    @Test
    void createWhenHostTakenThen409AndTenantNotCreated() {
        String host = "dup-" + UUID.randomUUID().toString().substring(0, 8) + ".example.test";
        newTenant(host);

        Http.Response r = Http.post("/admin/tenants").admin()
                .json("{\"id\":\"second-" + host.substring(4, 12) + "\",\"hosts\":[\"" + host + "\"]}").send();

        assertEquals(409, r.status(), r.toString());
        assertEquals(404, Http.get("/admin/tenants/second-" + host.substring(4, 12)).admin().send().status());
    }

    @Test
    void listWhenMoreThanPageThenLinkToNextPage() {
        newTenant();
        newTenant();

        Http.Response first = Http.get("/admin/tenants?page_size=1").admin().send();

        assertEquals(200, first.status());
        assertEquals(1, first.json().asJsonArray().size());
        String link = first.header("Link");
        assertTrue(link != null && link.contains("rel=\"next\"") && link.contains("page_token="), String.valueOf(link));
    }

    @Test
    void listWhenPageTokenForgedThen422() {
        Http.Response r = Http.get("/admin/tenants?page_token=bm9wZQ").admin().send();

        assertEquals(422, r.status(), r.toString());
    }
}
