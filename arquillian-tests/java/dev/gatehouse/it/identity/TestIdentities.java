package dev.gatehouse.it.identity;

import dev.gatehouse.it.support.Http;

import java.util.UUID;

/** Fixture builders for identities over the admin API. */
final class TestIdentities {

    private TestIdentities() {
    }

    static String uniqueEmail() {
        return "user-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    }

    /** Body of a create call with the default schema's traits and, if given, a credentials block. */
    static String body(String email, String credentialsJson) {
        return "{\"schema_id\":\"default\",\"traits\":{\"email\":\"" + email + "\",\"name\":{\"first\":\"Ada\",\"last\":\"Lovelace\"}}"
                + (credentialsJson == null ? "" : ",\"credentials\":" + credentialsJson) + "}";
    }

    static String password(String plain) {
        return "{\"password\":{\"config\":{\"password\":\"" + plain + "\"}}}";
    }

    static String hashed(String phc) {
        return "{\"password\":{\"config\":{\"hashed_password\":\"" + phc.replace("\\", "\\\\") + "\"}}}";
    }

    static Http.Response create(String prefix, String body) {
        return Http.post(prefix + "/admin/identities").admin().json(body).send();
    }
}
