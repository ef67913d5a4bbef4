package dev.gatehouse.it.jwk;

import com.nimbusds.jose.jwk.JWKSet;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;

import java.text.ParseException;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Fixtures of the key tests: fresh tenants and set names, the issuer and the JWKS as a client sees them. */
final class KeyTests {

    private KeyTests() {
    }

    static String newTenant() {
        String id = "k-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response r = Http.post("/admin/tenants").admin()
                .json("{\"id\":\"" + id + "\",\"display_name\":\"Keys " + id + "\",\"hosts\":[]}").send();
        assertEquals(201, r.status(), r.toString());
        return id;
    }

    static String newSet() {
        return "it-set-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The issuer the server gives the tenant reached through {@code prefix} ("" or "/t/{id}"). */
    static String issuer(String prefix) {
        return ItServer.get().uri(prefix).toString();
    }

    static JWKSet jwks(String prefix) {
        Http.Response r = Http.get(prefix + "/.well-known/jwks.json").send();
        assertEquals(200, r.status(), r.toString());
        try {
            return JWKSet.parse(r.body());
        } catch (ParseException e) {
            throw new AssertionError("JWKS does not parse: " + r.body(), e);
        }
    }

    static List<String> kids(JWKSet set) {
        return set.getKeys().stream().map(k -> k.getKeyID()).toList();
    }
}
