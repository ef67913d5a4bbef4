package dev.gatehouse.it.jwk;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.text.ParseException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hydra's {@code /admin/keys/{set}}: what goes over the wire, and that bad input writes nothing. */
@ExtendWith(ItServerReady.class)
class KeySetAdminIT {

    private static Http.Response create(String set, String body) {
        return Http.post("/admin/keys/" + set).admin().json(body).send();
    }

    private static JWKSet keys(Http.Response r) {
        try {
            return JWKSet.parse(r.body());
        } catch (ParseException e) {
            throw new AssertionError(r.toString(), e);
        }
    }

    private static void assertProblem(int status, Http.Response r) {
        assertEquals(status, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertFalse(r.body().contains("Exception"), r.body());
    }

    private static void assertSetMissing(String set) {
        assertProblem(404, Http.get("/admin/keys/" + set).admin().send());
    }

    @Test
    void createWhenRs256ThenPublicKeyOnlyWithKidAlgUseAnd201() {
        String set = KeyTests.newSet();

        Http.Response r = create(set, "{\"alg\":\"RS256\",\"use\":\"sig\"}");

        assertEquals(201, r.status(), r.toString());
        JWK key = keys(r).getKeys().get(0);
        assertEquals("RS256", key.getAlgorithm().getName());
        assertEquals("sig", key.getKeyUse().identifier());
        assertFalse(key.isPrivate(), "private keys are never exported");
        assertFalse(r.jsonObject().getJsonArray("keys").getJsonObject(0).containsKey("d"));
        assertTrue(key.toRSAKey().size() >= 2048);
        assertTrue(r.header("Location").endsWith("/admin/keys/" + set + "/" + key.getKeyID()), r.header("Location"));
        assertEquals("no-store", r.header("Cache-Control"));
    }

    @Test
    void createWhenEs256WithKidThenThatKidOnP256() {
        String set = KeyTests.newSet();

        JWK key = keys(create(set, "{\"alg\":\"ES256\",\"kid\":\"my-ec-key\",\"use\":\"sig\"}")).getKeys().get(0);

        assertEquals("my-ec-key", key.getKeyID());
        assertEquals("P-256", key.toECKey().getCurve().getName());
    }

    @Test
    void getWhenKeysCreatedThenListedReadableByKidAndPublished() {
        String set = KeyTests.newSet();
        String first = keys(create(set, "{\"alg\":\"RS256\",\"use\":\"sig\"}")).getKeys().get(0).getKeyID();
        String second = keys(create(set, "{\"alg\":\"ES256\",\"use\":\"sig\"}")).getKeys().get(0).getKeyID();

        Http.Response list = Http.get("/admin/keys/" + set).admin().send();
        Http.Response one = Http.get("/admin/keys/" + set + "/" + first).admin().send();

        assertEquals(200, list.status(), list.toString());
        assertEquals(List.of(second, first), KeyTests.kids(keys(list)), "newest first; the replaced key still verifies");
        assertEquals(List.of(first), KeyTests.kids(keys(one)));
        assertTrue(KeyTests.kids(KeyTests.jwks("")).containsAll(List.of(first, second)));
    }

    @Test
    void createWhenKidTakenThen409AndNothingChanged() {
        String set = KeyTests.newSet();
        create(set, "{\"alg\":\"RS256\",\"kid\":\"dup\",\"use\":\"sig\"}");

        assertProblem(409, create(set, "{\"alg\":\"ES256\",\"kid\":\"dup\",\"use\":\"sig\"}"));
        JWKSet after = keys(Http.get("/admin/keys/" + set).admin().send());
        assertEquals(1, after.getKeys().size());
        assertEquals("RS256", after.getKeys().get(0).getAlgorithm().getName());
    }

    @Test
    void createWhenBadInputThen400ProblemAndNothingWritten() {
        String set = KeyTests.newSet();
        String[] bodies = {
            "{\"alg\":\"HS256\",\"use\":\"sig\"}",
            "{\"alg\":\"none\",\"use\":\"sig\"}",
            "{\"alg\":\"RSA-OAEP\",\"use\":\"enc\"}",
            "{\"alg\":\"RS256\",\"use\":\"enc\"}",
            "{\"alg\":\"RS256\"}",
            "{\"use\":\"sig\"}",
            "{\"alg\":\"RS256\",\"use\":\"sig\",\"kid\":\"no/slashes\"}",
            "{\"alg\":[\"RS256\"],\"use\":\"sig\"}",
            "{\"alg\":\"RS256\",",
            "[]",
        };
        for (String body : bodies) {
            Http.Response r = create(set, body);
            assertProblem(400, r);
        }
        assertSetMissing(set);
        assertFalse(Http.get("/.well-known/jwks.json").send().body().contains(set));
    }

    @Test
    void anyWhenSetNameInvalidThen400() {
        String tooLong = "s".repeat(65);

        assertProblem(400, Http.get("/admin/keys/" + tooLong).admin().send());
        assertProblem(400, create(tooLong, "{\"alg\":\"RS256\",\"use\":\"sig\"}"));
        assertProblem(400, Http.get("/admin/keys/bad%20name").admin().send());
        assertProblem(400, Http.method("DELETE", "/admin/keys/bad%3Cname%3E").admin().send());
    }

    @Test
    void getWhenSetOrKidMissingThen404() {
        String set = KeyTests.newSet();

        assertSetMissing(set);
        create(set, "{\"alg\":\"RS256\",\"use\":\"sig\"}");
        assertProblem(404, Http.get("/admin/keys/" + set + "/no-such-kid").admin().send());
        assertProblem(404, Http.method("DELETE", "/admin/keys/" + set + "/no-such-kid").admin().send());
        assertProblem(404, Http.method("DELETE", "/admin/keys/" + KeyTests.newSet()).admin().send());
    }

    @Test
    void deleteWhenKeyThenGoneFromSetAndJwks() {
        String set = KeyTests.newSet();
        String kid = keys(create(set, "{\"alg\":\"RS256\",\"use\":\"sig\"}")).getKeys().get(0).getKeyID();
        String other = keys(create(set, "{\"alg\":\"RS256\",\"use\":\"sig\"}")).getKeys().get(0).getKeyID();

        Http.Response r = Http.method("DELETE", "/admin/keys/" + set + "/" + kid).admin().send();

        assertEquals(204, r.status(), r.toString());
        assertEquals(List.of(other), KeyTests.kids(keys(Http.get("/admin/keys/" + set).admin().send())));
        assertFalse(KeyTests.kids(KeyTests.jwks("")).contains(kid));
    }

    @Test
    void deleteWhenSetThenAllKeysGone() {
        String set = KeyTests.newSet();
        String kid = keys(create(set, "{\"alg\":\"ES256\",\"use\":\"sig\"}")).getKeys().get(0).getKeyID();

        assertEquals(204, Http.method("DELETE", "/admin/keys/" + set).admin().send().status());

        assertSetMissing(set);
        assertFalse(KeyTests.kids(KeyTests.jwks("")).contains(kid));
    }

    @Test
    void anyWhenNoAdminCredentialThen401AndNothingWritten() {
        String set = KeyTests.newSet();

        assertProblem(401, Http.post("/admin/keys/" + set).json("{\"alg\":\"RS256\",\"use\":\"sig\"}").send());
        assertProblem(401, Http.get("/admin/keys/" + KeyTests.newSet()).send());
        assertProblem(401, Http.method("DELETE", "/admin/keys/hydra.openid.id-token").send());
        assertSetMissing(set);
        assertFalse(KeyTests.jwks("").getKeys().isEmpty(), "the ID-token keys were not deleted");
    }

    @Test
    void keysWhenCreatedInOneTenantThenInvisibleInAnother() {
        String tenant = KeyTests.newTenant();
        String set = KeyTests.newSet();
        Http.Response r = Http.post("/t/" + tenant + "/admin/keys/" + set).admin()
                .json("{\"alg\":\"RS256\",\"use\":\"sig\"}").send();
        assertEquals(201, r.status(), r.toString());
        String kid = keys(r).getKeys().get(0).getKeyID();

        assertSetMissing(set);
        assertFalse(KeyTests.kids(KeyTests.jwks("")).contains(kid));
        assertTrue(KeyTests.kids(KeyTests.jwks("/t/" + tenant)).contains(kid));
        JsonObject listed = Http.get("/t/" + tenant + "/admin/keys/" + set).admin().send().jsonObject();
        assertEquals(kid, listed.getJsonArray("keys").getJsonObject(0).getString("kid"));
    }

    @Test
    void createWhenSecondKeyThenItsKidDiffers() {
        String set = KeyTests.newSet();

        assertNotEquals(keys(create(set, "{\"alg\":\"RS256\",\"use\":\"sig\"}")).getKeys().get(0).getKeyID(),
                keys(create(set, "{\"alg\":\"RS256\",\"use\":\"sig\"}")).getKeys().get(0).getKeyID());
    }
}
