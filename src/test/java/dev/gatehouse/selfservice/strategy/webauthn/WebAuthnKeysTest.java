package dev.gatehouse.selfservice.strategy.webauthn;

import dev.gatehouse.credential.webauthn.WebAuthnCredential;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebAuthnKeysTest {

    private static final Instant ADDED = Instant.parse("2026-12-01T10:00:00Z");

    private static WebAuthnCredential key(byte id, String name, long count, Instant used) {
        return new WebAuthnCredential(new byte[] {id, 2, 3}, new byte[] {9, 8, 7}, count, Set.of("usb", "nfc"),
                UUID.fromString("01020304-0506-0708-090a-0b0c0d0e0f10"), true, false, name, ADDED, used);
    }

    @Test
    void toJsonWhenStoredThenKratosShapeWithBase64Members() {
        WebAuthnKeys keys = new WebAuthnKeys(new byte[] {1, 1}, List.of(key((byte) 1, "Blue key", 7, null)));

        JsonObject config = keys.toJson(false);

        assertEquals("AQE=", config.getString("user_handle"));
        JsonObject c = config.getJsonArray("credentials").getJsonObject(0);
        assertEquals("AQID", c.getString("id"));
        assertEquals("CQgH", c.getString("public_key"));
        assertEquals("Blue key", c.getString("display_name"));
        assertEquals("2026-12-01T10:00:00Z", c.getString("added_at"));
        assertFalse(c.getBoolean("is_passwordless"));
        assertEquals(7, c.getJsonObject("authenticator").getInt("sign_count"));
        assertEquals("AQIDBAUGBwgJCgsMDQ4PEA==", c.getJsonObject("authenticator").getString("aaguid"));
        assertTrue(c.getJsonObject("flags").getBoolean("user_verified"));
        assertFalse(c.containsKey("last_used_at"));
    }

    @Test
    void parseWhenWrittenThenTheSameKeysBack() {
        WebAuthnKeys keys = new WebAuthnKeys(new byte[] {5}, List.of(key((byte) 1, "A", 3, Instant.parse("2026-12-02T00:00:00Z")),
                key((byte) 2, "", 0, null)));

        WebAuthnKeys back = WebAuthnKeys.parse(keys.toJson(true));

        assertArrayEquals(keys.userHandle(), back.userHandle());
        assertEquals(keys.keys(), back.keys());
    }

    @Test
    void replacingWhenUsedThenOnlyThatKeyChanges() {
        WebAuthnCredential a = key((byte) 1, "A", 3, null);
        WebAuthnCredential b = key((byte) 2, "B", 9, null);
        WebAuthnKeys keys = new WebAuthnKeys(new byte[] {5}, List.of(a, b));

        WebAuthnKeys after = keys.replacing(a.usedAt(ADDED.plusSeconds(60), 4)).without(b.id());

        assertEquals(List.of(a.usedAt(ADDED.plusSeconds(60), 4)), after.keys());
        assertEquals("010203", WebAuthnKeys.hex(a.id()));
        assertTrue(keys.findByHex("020203").isPresent());
    }

    @Test
    void withWhenPasswordlessThenOnlyThatKeyFlaggedAndTheFlagSurvivesStorageAndUse() {
        WebAuthnCredential factor = key((byte) 1, "Second factor", 3, null);
        WebAuthnCredential alone = key((byte) 2, "Alone", 0, null);
        WebAuthnKeys keys = new WebAuthnKeys(new byte[] {5}, List.of(factor)).with(alone, true);

        WebAuthnKeys back = WebAuthnKeys.parse(keys.toJson(false)).replacing(alone.usedAt(ADDED.plusSeconds(60), 1));

        assertEquals(List.of(factor), back.secondFactorKeys());
        assertEquals(List.of(alone.usedAt(ADDED.plusSeconds(60), 1)), back.passwordlessKeys());
        JsonObject stored = back.toJson(false);
        assertFalse(stored.getJsonArray("credentials").getJsonObject(0).getBoolean("is_passwordless"));
        assertTrue(stored.getJsonArray("credentials").getJsonObject(1).getBoolean("is_passwordless"));
        assertEquals(List.of(), back.without(alone.id()).passwordlessKeys());
    }
}
