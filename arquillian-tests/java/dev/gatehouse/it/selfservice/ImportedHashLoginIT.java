package dev.gatehouse.it.selfservice;

import dev.gatehouse.it.identity.LegacyHashes;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Identities imported with another system's password hashes sign in with their old password, and their
 * hash is replaced by an argon2id one at that first sign-in (a password_rehashed security event), after
 * which the same password still works.
 */
@ExtendWith(ItServerReady.class)
class ImportedHashLoginIT {

    private static final String SECRET = "legacy-system-password";

    private static void importAndLogin(Function<String, String> hash) {
        String email = "imported-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String body = "{\"traits\":{\"email\":\"" + email + "\"},\"credentials\":{\"password\":{\"config\":{\"hashed_password\":\""
                + hash.apply(SECRET) + "\"}}}}";
        Http.Response created = Http.post("/admin/identities").admin().json(body).send();
        assertEquals(201, created.status(), created.toString());
        String id = created.jsonObject().getString("id");

        assertEquals(400, ApiFlows.login("", email, "not the legacy password").status());
        assertEquals(200, ApiFlows.login("", email, SECRET).status(), "first sign-in, verified in the imported format");
        assertEquals(200, ApiFlows.login("", email, SECRET).status(), "second sign-in, against the argon2id rehash");
        assertEquals(1, rehashEvents(id), "rehashed once, at the first sign-in");
    }

    private static long rehashEvents(String identityId) {
        try {
            return java.nio.file.Files.readAllLines(ItServer.get().messagesLog()).stream()
                    .filter(l -> l.contains("password_rehashed") && l.contains(identityId)).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void loginWhenImportedArgon2idThenSignsIn() {
        importAndLogin(LegacyHashes::argon2id);
    }

    @Test
    void loginWhenImportedBcryptThenSignsIn() {
        importAndLogin(LegacyHashes::bcrypt);
    }

    @Test
    void loginWhenImportedPbkdf2ThenSignsIn() {
        importAndLogin(LegacyHashes::pbkdf2Sha256);
        importAndLogin(LegacyHashes::pbkdf2Sha512);
    }
}
