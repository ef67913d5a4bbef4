package dev.gatehouse.it.oauth2.token;

import dev.gatehouse.it.support.Http;

import java.util.UUID;

/** Identities to be the subject of grants: created over the admin API with the default schema's traits. */
final class TestSubjects {

    static final String FIRST = "Ada";
    static final String LAST = "Lovelace";

    private TestSubjects() {
    }

    record Subject(String id, String email) {
    }

    static Subject create() {
        String email = "token-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
        Http.Response r = Http.post("/admin/identities").admin().json("{\"schema_id\":\"default\",\"traits\":{\"email\":\""
                + email + "\",\"name\":{\"first\":\"" + FIRST + "\",\"last\":\"" + LAST + "\"}}}").send();
        if (r.status() != 201) {
            throw new IllegalStateException("identity not created: " + r);
        }
        return new Subject(r.jsonObject().getString("id"), email);
    }
}
