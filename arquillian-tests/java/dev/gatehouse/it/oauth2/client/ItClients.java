package dev.gatehouse.it.oauth2.client;

import dev.gatehouse.it.support.Http;
import jakarta.json.JsonObject;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Registers clients through the admin API for the client ITs. */
final class ItClients {

    private ItClients() {
    }

    static String uniqueName() {
        return "it-client-" + UUID.randomUUID();
    }

    /** POST /admin/clients under a tenant prefix ("" or "/t/acme"). */
    static Http.Response create(String prefix, String json) {
        return Http.post(prefix + "/admin/clients").admin().json(json.replace('\'', '"')).send();
    }

    static JsonObject created(String prefix, String json) {
        Http.Response r = create(prefix, json);
        assertEquals(201, r.status(), r.toString());
        return r.jsonObject();
    }

    static Http.Response get(String prefix, String id) {
        return Http.get(prefix + "/admin/clients/" + id).admin().send();
    }
}
