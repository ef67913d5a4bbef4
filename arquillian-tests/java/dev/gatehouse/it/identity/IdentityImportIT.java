package dev.gatehouse.it.identity;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.gatehouse.it.identity.TestIdentities.body;
import static dev.gatehouse.it.identity.TestIdentities.create;
import static dev.gatehouse.it.identity.TestIdentities.hashed;
import static dev.gatehouse.it.identity.TestIdentities.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Importing identities from another system: existing password hashes, verified addresses, batches. */
@ExtendWith(ItServerReady.class)
class IdentityImportIT {

    private static final String SECRET = "legacy-system-password";

    private static void assertImported(String phc) {
        String email = uniqueEmail();
        Http.Response r = create("", body(email, hashed(phc)));
        assertEquals(201, r.status(), phc + " -> " + r);
        assertEquals(email, r.jsonObject().getJsonObject("credentials").getJsonObject("password")
                .getJsonArray("identifiers").getString(0));
        assertFalse(r.body().contains(phc.substring(phc.lastIndexOf('$') + 1)), "hash echoed back");
    }

    @Test
    void importWhenArgon2idHashThenCreated() {
        assertImported(LegacyHashes.argon2id(SECRET));
    }

    @Test
    void importWhenArgon2iHashThenCreated() {
        assertImported(LegacyHashes.argon2i(SECRET));
    }

    @Test
    void importWhenBcryptHashThenCreated() {
        assertImported(LegacyHashes.bcrypt(SECRET));
    }

    @Test
    void importWhenPbkdf2HashesThenCreated() {
        assertImported(LegacyHashes.pbkdf2Sha256(SECRET));
        assertImported(LegacyHashes.pbkdf2Sha512(SECRET));
    }

    @Test
    void importWhenHashUnsupportedOrHostileThen422AndNothingWritten() {
        for (String bad : new String[] {"plaintext", "$md5$abc", "$argon2id$v=19$m=4194304,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g",
                "$pbkdf2-sha256$i=999999999,l=32$c2FsdA$aGFzaA"}) {
            String email = uniqueEmail();
            Http.Response r = create("", body(email, hashed(bad)));
            assertEquals(422, r.status(), bad + " -> " + r);
            assertEquals(0, Http.get("/admin/identities?credentials_identifier=" + email).admin().send().json().asJsonArray().size());
        }
    }

    @Test
    void importWhenAddressVerifiedThenKeptVerified() {
        String email = uniqueEmail();
        String body = "{\"traits\":{\"email\":\"" + email + "\"},\"verifiable_addresses\":[{\"value\":\"" + email.toUpperCase()
                + "\",\"via\":\"email\",\"verified\":true,\"status\":\"completed\"}]}";

        JsonObject address = create("", body).jsonObject().getJsonArray("verifiable_addresses").getJsonObject(0);

        assertTrue(address.getBoolean("verified"));
        assertEquals("completed", address.getString("status"));
        assertTrue(address.containsKey("verified_at"));
    }

    @Test
    void batchWhenOneItemBadThenPerItemResultsAndTheBadOneLeavesNothing() {
        String a = uniqueEmail();
        String b = uniqueEmail();
        String body = "{\"identities\":["
                + "{\"patch_id\":\"p1\",\"create\":" + body(a, hashed(LegacyHashes.bcrypt(SECRET))) + "},"
                + "{\"patch_id\":\"p2\",\"create\":{\"traits\":{\"email\":\"broken\"}}},"
                + "{\"patch_id\":\"p3\",\"create\":" + body(b, null) + "},"
                + "{\"patch_id\":\"p4\",\"create\":" + body(a, null) + "}]}";

        Http.Response r = Http.method("PATCH", "/admin/identities").admin().json(body).send();

        assertEquals(200, r.status(), r.toString());
        JsonArray results = r.jsonObject().getJsonArray("identities");
        assertEquals("create", results.getJsonObject(0).getString("action"));
        assertEquals("p1", results.getJsonObject(0).getString("patch_id"));
        assertEquals("error", results.getJsonObject(1).getString("action"));
        assertEquals(422, results.getJsonObject(1).getJsonObject("error").getInt("status"));
        assertEquals("create", results.getJsonObject(2).getString("action"));
        assertEquals("error", results.getJsonObject(3).getString("action"), "duplicate of p1");
        assertEquals(409, results.getJsonObject(3).getJsonObject("error").getInt("status"));
        assertEquals(results.getJsonObject(0).getString("identity"),
                Http.get("/admin/identities?credentials_identifier=" + a).admin().send().json().asJsonArray()
                        .getJsonObject(0).getString("id"));
        assertEquals(0, Http.get("/admin/identities?credentials_identifier=broken").admin().send().json().asJsonArray().size());
    }

    @Test
    void batchWhenNotABatchThen422() {
        assertEquals(422, Http.method("PATCH", "/admin/identities").admin().json("{\"identities\":{}}").send().status());
    }
}
