package dev.gatehouse.it.jwk;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /.well-known/jwks.json}: public keys only, per tenant, briefly cacheable. */
@ExtendWith(ItServerReady.class)
class JwksIT {

    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    @Test
    void jwksWhenFetchedThenSigningKeysWithKidAlgUseAndShortCaching() {
        Http.Response r = Http.get("/.well-known/jwks.json").send();

        assertEquals(200, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        assertTrue(r.header("Cache-Control").contains("max-age=60"), r.header("Cache-Control"));
        JWKSet set = KeyTests.jwks("");
        assertTrue(set.getKeys().size() >= 2, "the ID-token and access-token sets have a key from the start: " + r.body());
        for (JWK k : set.getKeys()) {
            assertFalse(k.getKeyID() == null || k.getKeyID().isEmpty(), k.toString());
            assertTrue(List.of("RS256", "ES256").contains(k.getAlgorithm().getName()), k.toString());
            assertEquals(KeyUse.SIGNATURE, k.getKeyUse());
        }
    }

    @Test
    void jwksWhenFetchedThenNoPrivateKeyMaterialOnTheWire() {
        Http.Response r = Http.get("/.well-known/jwks.json").send();

        for (JsonValue key : r.jsonObject().getJsonArray("keys")) {
            JsonObject k = key.asJsonObject();
            for (String member : PRIVATE_MEMBERS) {
                assertFalse(k.containsKey(member), "private member " + member + " published: " + k);
            }
        }
        assertTrue(KeyTests.jwks("").getKeys().stream().noneMatch(JWK::isPrivate));
    }

    @Test
    void jwksWhenOtherTenantThenItsOwnKeysOnly() {
        String tenant = KeyTests.newTenant();

        List<String> ours = KeyTests.kids(KeyTests.jwks(""));
        List<String> theirs = KeyTests.kids(KeyTests.jwks("/t/" + tenant));

        assertEquals(2, theirs.size(), theirs.toString());
        assertTrue(theirs.stream().noneMatch(ours::contains), ours + " vs " + theirs);
    }

    @Test
    void jwksWhenFetchedTwiceThenSameKeys() {
        String tenant = KeyTests.newTenant();

        assertEquals(KeyTests.kids(KeyTests.jwks("/t/" + tenant)), KeyTests.kids(KeyTests.jwks("/t/" + tenant)));
    }
}
